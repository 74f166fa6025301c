import type { Activation } from './activation.js';
import { binaryStep } from './binary-step.js';
import { celu } from './celu.js';
import { elu } from './elu.js';
import { exponential } from './exponential.js';
import { gelu } from './gelu.js';
import { hardshrink } from './hardshrink.js';
import { hardsigmoid } from './hardsigmoid.js';
import { hardswish } from './hardswish.js';
import { hardtanh } from './hardtanh.js';
import { identity } from './identity.js';
import { leakyRelu } from './leaky-relu.js';
import { logSoftmax } from './log-softmax.js';
import { logsigmoid } from './logsigmoid.js';
import { mish } from './mish.js';
import { prelu } from './prelu.js';
import { quickGelu } from './quick-gelu.js';
import { relu } from './relu.js';
import { relu6 } from './relu6.js';
import { rrelu } from './rrelu.js';
import { selu } from './selu.js';
import { snake } from './snake.js';
import { sigmoid } from './sigmoid.js';
import { silu } from './silu.js';
import { softmax } from './softmax.js';
import { softmin } from './softmin.js';
import { softplus } from './softplus.js';
import { softshrink } from './softshrink.js';
import { softsign } from './softsign.js';
import { sparsePlus } from './sparse-plus.js';
import { sparseSigmoid } from './sparse-sigmoid.js';
import { sparsemax } from './sparsemax.js';
import { squaredRelu } from './squared-relu.js';
import { squareplus } from './squareplus.js';
import { starRelu } from './star-relu.js';
import { tanh } from './tanh.js';
import { tanhshrink } from './tanhshrink.js';
import { threshold } from './threshold.js';

/** Every function activ knows, in the order `activ list` and the README show them. */
export const catalog: readonly Activation[] = [
  // the baseline and the step it all started from
  identity,
  binaryStep,
  // the ReLU family
  relu,
  relu6,
  leakyRelu,
  prelu,
  rrelu,
  squaredRelu,
  starRelu,
  // exponential negative parts
  elu,
  celu,
  selu,
  // smooth self-gated units and their cheap piecewise versions
  gelu,
  silu,
  quickGelu,
  hardswish,
  mish,
  // the sigmoid family
  sigmoid,
  hardsigmoid,
  logsigmoid,
  sparseSigmoid,
  // the tanh family
  tanh,
  hardtanh,
  softsign,
  // soft* and shrinkage
  softplus,
  sparsePlus,
  softshrink,
  hardshrink,
  tanhshrink,
  // the rest
  threshold,
  exponential,
  squareplus,
  snake,
  // over a whole vector
  softmax,
  softmin,
  logSoftmax,
  sparsemax,
];
