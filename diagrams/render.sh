#!/bin/sh
# Render each diagrams/NAME.d2 to OUTPUT/NAME-light.svg and NAME-dark.svg: the
# site shows the one that matches the reader's colour scheme. `make diagrams`
# writes them to docs/assets; tests/docs/test_diagrams.py renders them afresh
# and fails if the committed ones differ.
set -eu
output=${1:?usage: render.sh OUTPUT_FOLDER}
for source in "$(dirname "$0")"/*.d2; do
    name=$(basename "$source" .d2)
    d2 --theme 0 "$source" "$output/$name-light.svg"
    d2 --theme 200 "$source" "$output/$name-dark.svg"
    chmod 644 "$output/$name-light.svg" "$output/$name-dark.svg"
done
