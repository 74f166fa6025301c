#!/usr/bin/env bash
# Renders every figure the README shows, with activ itself. Run after `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
activ="node bin/activ.js"
out=docs/figures
mkdir -p "$out"

# The article's six, over -20..20, exactly as `activ gallery --article` writes them.
$activ gallery --article -o "$out"

# One of each kind of figure beyond the article.
$activ plot elu --alpha 1 --range -5..5 --title --xlabel x --ylabel "elu(x)" -o $out/elu-titled.svg
$activ plot relu gelu silu --range -4..4 --title -o $out/overlay.png
$activ plot elu --alpha 0.5,1,2 --range -4..3 -o $out/family.png
$activ plot softplus tanh --range -4..4 --derivative -o $out/derivative.png
$activ plot hardshrink threshold --threshold 1 --value -1 --range -3..3 --samples 50 -o $out/jumps.png
$activ plot tanh relu --theme dark --grid --title -o $out/dark.png
$activ plot mish silu gelu --range -5..3 --grid --legend upper-left --dpi 50 -o $out/small-dpi50.png
$activ plot hard_sigmoid --flavor torch,tf-keras --range -4..4 --grid -o $out/hard-sigmoid-flavors.png
$activ plot gelu --derivative-only --approximate none,tanh --range -4..4 --color k,tab:red --line-width 1 -o $out/gelu-derivatives.pdf

# Expressions in x.
$activ plot 'x*sigmoid(1.702*x)' gelu --range -4..4 --derivative -o $out/expression-quick-gelu.png
$activ plot 'x*sigmoid(b*x)' --b 0.5,1,1.702,4 --range -4..4 --title -o $out/expression-family.png
$activ plot 'x < -3 ? 0.05*x : x > 3 ? x : x*(x + 3)/6' --range -5..5 --derivative --samples 50 \
  --label 'leaky hard-swish' -o $out/expression-piecewise.png

# The whole catalog as a contact sheet.
rm -rf /tmp/activ-gallery && $activ gallery -o /tmp/activ-gallery && cp /tmp/activ-gallery/index.png $out/catalog.png

# The interactive page, in Chromium (needs Debian's chromium).
node scripts/screenshot-page.js

# The terminal drawing, as text.
COLUMNS=80 $activ plot relu tanh --range -3..3 --format term > $out/terminal.txt
