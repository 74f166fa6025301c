import type { Activation } from './activation.js';
import { binaryStep } from './binary-step.js';
import { elu } from './elu.js';
import { leakyRelu } from './leaky-relu.js';
import { prelu } from './prelu.js';
import { relu } from './relu.js';
import { sigmoid } from './sigmoid.js';
import { softmax } from './softmax.js';
import { softplus } from './softplus.js';
import { softsign } from './softsign.js';
import { tanh } from './tanh.js';

/** Every function activ knows, in the order `activ list` and the README show them. */
export const catalog: readonly Activation[] = [
  binaryStep,
  relu,
  leakyRelu,
  prelu,
  elu,
  sigmoid,
  tanh,
  softsign,
  softplus,
  softmax,
];
