// Where TensorFlow's gradients were read, for the Keras flavors (Keras 3 on its default backend,
// and tf.keras): the kernels of the activations, clip_by_value's and tf.maximum/tf.minimum's
// gradients. Each flavor entry names the ones its derivative at kinks comes from.
export const TF_KERNELS = 'tensorflow/tensorflow: tensorflow/core/kernels/relu_op_functor.h';
export const TF_CLIP = 'tensorflow/tensorflow: tensorflow/python/ops/clip_ops.py';
export const TF_CELU = 'tensorflow/tensorflow: tensorflow/python/ops/math_grad.py';
export const TF_HARD_SILU = TF_KERNELS;

/** SELU's λ, as TensorFlow's SeluGrad writes it: f'(0) there is λ, the slope right of 0. */
export const SELU_SCALE = 1.0507009873554804934193349852946;
