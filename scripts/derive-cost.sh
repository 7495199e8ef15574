#!/usr/bin/env bash
# Compile cost of #[derive(PixelLayout)] beside the derives users reach for
# today. Generates one user crate per variant, each with STRUCTS structs of
# FIELDS fields (no padding, so all three derives accept them):
#
#   typed-layout  #[derive(Clone, Copy, PixelLayout)]
#   bytemuck      #[derive(Clone, Copy, Pod, Zeroable)]
#   zerocopy      #[derive(Clone, Copy, FromBytes, IntoBytes, KnownLayout, Immutable)]
#
# builds each once (dependencies and a warm incremental cache), then RUNS
# times, variants interleaved: touch the user crate and time an incremental
# `cargo build` of it. Prints each variant's median and the ratios, all from
# this one run.
#
#   scripts/derive-cost.sh [RUNS] [STRUCTS] [FIELDS]     defaults: 7 200 8
#
# DERIVE_COST_CRATE=/path/to/typed-layout measures another checkout (e.g. an
# older commit, for a before/after comparison in the same session);
# DERIVE_COST_ONLY=typed-layout measures one variant.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-7}
structs=${2:-200}
fields=${3:-8}
crate=${DERIVE_COST_CRATE:-$root}
only=${DERIVE_COST_ONLY:-}
work=$root/target/derive-cost
variants=(typed-layout bytemuck zerocopy)
if [[ -n $only ]]; then variants=("$only"); fi

# Field types cycling through 4-, 2- and 1-byte scalars in an order that
# never pads: every FIELDS-field struct is a whole number of 4-byte groups.
types=(u32 f32 u16 i16 u8 i8 u8 u8)
if ((fields % 8 != 0)); then
    echo "FIELDS must be a multiple of 8 (so no struct has padding)" >&2
    exit 2
fi

derive_line() {
    case $1 in
    typed-layout) echo '#[derive(Clone, Copy, PixelLayout)]' ;;
    bytemuck) echo '#[derive(Clone, Copy, Pod, Zeroable)]' ;;
    zerocopy) echo '#[derive(Clone, Copy, FromBytes, IntoBytes, KnownLayout, Immutable)]' ;;
    esac
}

use_line() {
    case $1 in
    typed-layout) echo 'use typed_layout::PixelLayout;' ;;
    bytemuck) echo 'use bytemuck::{Pod, Zeroable};' ;;
    zerocopy) echo 'use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};' ;;
    esac
}

dependency_line() {
    case $1 in
    typed-layout) echo "typed-layout = { path = \"$crate\" }" ;;
    bytemuck) echo 'bytemuck = { version = "1.16", features = ["derive"] }' ;;
    zerocopy) echo 'zerocopy = { version = "0.8", features = ["derive"] }' ;;
    esac
}

generate() {
    local variant=$1 dir=$work/$1
    mkdir -p "$dir/src"
    cat >"$dir/Cargo.toml" <<EOF
[package]
name = "cost-$variant"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$(dependency_line "$variant")
EOF
    {
        echo '#![allow(dead_code)]'
        use_line "$variant"
        for ((s = 0; s < structs; s++)); do
            echo
            derive_line "$variant"
            echo '#[repr(C)]'
            echo "pub struct S$s {"
            for ((f = 0; f < fields; f++)); do
                echo "    pub f$f: ${types[f % 8]},"
            done
            echo '}'
        done
    } >"$dir/src/lib.rs"
}

mkdir -p "$work"
cat >"$work/Cargo.toml" <<EOF
[workspace]
members = [$(printf '"%s",' "${variants[@]}")]
resolver = "2"
EOF
# The versions this repository tests with.
cp "$root/Cargo.lock" "$work/Cargo.lock"
for variant in "${variants[@]}"; do generate "$variant"; done
export CARGO_TARGET_DIR=$work/target

build() { cargo build --quiet --manifest-path "$work/Cargo.toml" -p "cost-$1"; }

echo "== $structs structs x $fields fields, $runs incremental rebuilds each ($crate)"
for variant in "${variants[@]}"; do build "$variant"; done

# Wall time is what a user waits; CPU time (user + sys of cargo and rustc,
# all threads) is what the build costs, and is steadier on a shared machine.
declare -A wall cpu
TIMEFORMAT='%R %U %S'
for ((run = 1; run <= runs; run++)); do
    for variant in "${variants[@]}"; do
        touch "$work/$variant/src/lib.rs"
        read -r real user sys < <({ time build "$variant"; } 2>&1 >/dev/null | tail -n 1)
        wall[$variant]+="$(awk -v r="$real" 'BEGIN { printf "%d", r * 1000 }') "
        cpu[$variant]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }') "
    done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A wall_median cpu_median
for variant in "${variants[@]}"; do
    wall_median[$variant]=$(echo "${wall[$variant]}" | median)
    cpu_median[$variant]=$(echo "${cpu[$variant]}" | median)
    printf '%-13s wall median %6d ms  (runs: %s)\n' "$variant" "${wall_median[$variant]}" "${wall[$variant]}"
    printf '%-13s  CPU median %6d ms  (runs: %s)\n' "" "${cpu_median[$variant]}" "${cpu[$variant]}"
done
if [[ -z $only ]]; then
    for kind in wall CPU; do
        if [[ $kind == wall ]]; then
            o=${wall_median[typed-layout]} b=${wall_median[bytemuck]} z=${wall_median[zerocopy]}
        else
            o=${cpu_median[typed-layout]} b=${cpu_median[bytemuck]} z=${cpu_median[zerocopy]}
        fi
        awk -v k="$kind" -v o="$o" -v b="$b" -v z="$z" 'BEGIN {
            printf "%-4s typed-layout / bytemuck: %.2fx   typed-layout / zerocopy: %.2fx\n", k, o / b, o / z
        }'
    done
fi
