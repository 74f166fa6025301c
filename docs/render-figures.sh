#!/usr/bin/env bash
# Renders the README's figures with activ itself: the article's six, over -20..20.
set -euo pipefail
cd "$(dirname "$0")/.."
activ="node bin/activ.js"
out=docs/figures
$activ plot softmax --range -20..20 -o $out/softmax.png
$activ plot softsign --range -20..20 -o $out/softsign.png
$activ plot softplus --range -20..20 -o $out/softplus.png
$activ plot elu --alpha 1 --range -20..20 -o $out/elu.png
$activ plot prelu --alpha 0.05 --range -20..20 -o $out/prelu.png
$activ plot binary_step --range -20..20 -o $out/binary_step.png
$activ plot elu --alpha 1 --range -5..5 --title --xlabel x --ylabel "elu(x)" -o $out/elu-titled.svg
