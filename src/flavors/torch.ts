import type { Flavor, FlavorFunction } from './flavor.js';

// PyTorch is activ's own convention: every catalog entry PyTorch has is already written to
// torch.nn.functional's definitions, defaults and derivatives at kinks (each entry's file under
// src/activations says so), so this flavor only gives PyTorch's names where they differ and the
// parameter spellings torch.nn.functional uses (softshrink's lambd, heaviside's values).
const FUNCTIONAL = 'pytorch/pytorch: torch/nn/functional.py';
const TORCH_DOCS = 'pytorch/pytorch: torch/_torch_docs.py';

const same = (name: string, call = `torch.nn.functional.${name}`): FlavorFunction => ({
  name,
  catalog: name,
  call,
  source: [FUNCTIONAL],
});

const shrink = (name: string): FlavorFunction => ({
  ...same(name),
  params: [{ name: 'lambd', sets: 'lambda', default: 0.5, aliases: ['lambda'] }],
  formula:
    name === 'softshrink'
      ? 'x − lambd if x > lambd, x + lambd if x < −lambd, else 0'
      : 'x if |x| > lambd, else 0',
});

export const torchFlavor: Flavor = {
  name: 'torch',
  framework: 'PyTorch (torch.nn.functional), 2.x',
  gradients: 'autograd, with the backward formulas of tools/autograd/derivatives.yaml',
  functions: [
    same('relu'),
    same('relu6'),
    same('leaky_relu'),
    same('prelu'),
    {
      ...same('rrelu'),
      note: 'shown in evaluation mode (training=False): the mean slope (lower + upper)/2',
    },
    same('elu'),
    same('celu'),
    same('selu'),
    same('gelu'),
    same('silu'),
    same('hardswish'),
    same('mish'),
    same('sigmoid', 'torch.sigmoid'),
    same('hardsigmoid'),
    same('logsigmoid'),
    same('tanh', 'torch.tanh'),
    same('hardtanh'),
    same('softsign'),
    {
      ...same('softplus'),
      note:
        "PyTorch's threshold = 20 (above β·x > 20 it returns x, a shortcut for speed) is left out: " +
        'activ keeps the exact log(1 + e^(βx))/β',
    },
    shrink('softshrink'),
    shrink('hardshrink'),
    same('tanhshrink'),
    {
      ...same('threshold'),
      note: 'both parameters are required in PyTorch; activ takes 0 and 0 when none is given',
    },
    same('softmax'),
    same('softmin'),
    same('log_softmax'),
    {
      name: 'heaviside',
      catalog: 'binary_step',
      call: 'torch.heaviside(input, values)',
      source: [TORCH_DOCS],
      params: [
        {
          name: 'values',
          sets: 'value_at_zero',
          default: 1,
          aliases: ['value_at_zero'],
          note: 'required in PyTorch',
        },
      ],
      formula: '1 if x > 0, values if x = 0, else 0',
    },
    {
      name: 'identity',
      catalog: 'identity',
      call: 'torch.nn.Identity',
      source: ['pytorch/pytorch: torch/nn/modules/linear.py'],
    },
  ],
  unmapped: [
    { name: 'glu', why: 'splits its input into two halves: not a function of one x' },
    { name: 'softmax2d', why: 'softmax over channels of an image' },
  ],
};
