//! The SIMD byte shuffle used by channel conversion.

/// Applies a 16-byte shuffle to consecutive 16-byte groups of `source`,
/// ORs in `fill`, and stores each result at `out_step`-byte intervals in
/// `target` (`out_step <= 16`). Each store writes 16 bytes; bytes past
/// `out_step` are overwritten by the next group or by the caller's scalar
/// tail. Returns the number of groups done (0 without SSSE3).
#[cfg(all(feature = "std", target_arch = "x86_64"))]
pub(crate) fn shuffle_groups(
    source: &[u8],
    target: &mut [u8],
    mask: &[u8; 16],
    fill: &[u8; 16],
    out_step: usize,
) -> usize {
    if out_step == 0 || out_step > 16 || !std::is_x86_feature_detected!("ssse3") {
        return 0;
    }
    // Pairs of groups in 32-byte registers first, when the compacted pair
    // is whole 4-byte words (the cross-lane permute moves words).
    let pairs = if out_step.is_multiple_of(4) && std::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 was detected at run time just above.
        unsafe { shuffle_pairs_avx2(source, target, mask, fill, out_step) }
    } else {
        0
    };
    let done = 2 * pairs;
    // The groups after the pairs (at most one when AVX2 ran).
    let (Some(source), Some(target)) = (source.get(16 * done..), target.get_mut(out_step * done..))
    else {
        return done;
    };
    // SAFETY: SSSE3 was detected at run time above.
    done + unsafe { shuffle_groups_ssse3(source, target, mask, fill, out_step) }
}

/// Two groups per 32-byte register: the same 16-byte shuffle in each lane
/// (`vpshufb` works within lanes), then, when `out_step < 16`, a word
/// permute that packs the two lanes' `out_step` bytes together; each store
/// writes 32 bytes, of which `2 * out_step` are results (the rest is
/// rewritten by the next store or the caller). Returns the number of pairs
/// done.
#[cfg(all(feature = "std", target_arch = "x86_64"))]
#[target_feature(enable = "avx2")]
fn shuffle_pairs_avx2(
    source: &[u8],
    target: &mut [u8],
    mask: &[u8; 16],
    fill: &[u8; 16],
    out_step: usize,
) -> usize {
    use core::arch::x86_64::{
        __m128i, __m256i, _mm256_broadcastsi128_si256, _mm256_loadu_si256, _mm256_or_si256,
        _mm256_permutevar8x32_epi32, _mm256_setr_epi32, _mm256_shuffle_epi8, _mm256_storeu_si256,
        _mm_loadu_si128,
    };
    let out_pair = 2 * out_step;
    // Pair p reads source[32p..32p + 32] and writes target[p * out_pair..][..32].
    let pairs = (source.len() / 32).min(target.len().saturating_sub(32 - out_pair) / out_pair);
    // SAFETY: `mask` and `fill` are 16 readable bytes; loadu needs no alignment.
    let (mask, fill) = unsafe {
        (
            _mm256_broadcastsi128_si256(_mm_loadu_si128(mask.as_ptr().cast::<__m128i>())),
            _mm256_broadcastsi128_si256(_mm_loadu_si128(fill.as_ptr().cast::<__m128i>())),
        )
    };
    // Words 0..w of the low lane, then words 4..4 + w of the high lane.
    let w = (out_step / 4) as i32;
    let word = |k: i32| if k < w { k } else { 4 + (k - w).min(3) };
    let pack = _mm256_setr_epi32(
        word(0),
        word(1),
        word(2),
        word(3),
        word(4),
        word(5),
        word(6),
        word(7),
    );
    let compact = out_step < 16;
    let (from, to) = (source.as_ptr(), target.as_mut_ptr());
    for pair in 0..pairs {
        // SAFETY: 32 * pair + 32 <= source.len() and pair * out_pair + 32 <=
        // target.len() by the choice of `pairs`; unaligned loads/stores.
        unsafe {
            let pixels = _mm256_loadu_si256(from.add(32 * pair).cast::<__m256i>());
            let mut shuffled = _mm256_or_si256(_mm256_shuffle_epi8(pixels, mask), fill);
            if compact {
                shuffled = _mm256_permutevar8x32_epi32(shuffled, pack);
            }
            _mm256_storeu_si256(to.add(pair * out_pair).cast::<__m256i>(), shuffled);
        }
    }
    pairs
}

#[cfg(all(feature = "std", target_arch = "x86_64"))]
#[target_feature(enable = "ssse3")]
fn shuffle_groups_ssse3(
    source: &[u8],
    target: &mut [u8],
    mask: &[u8; 16],
    fill: &[u8; 16],
    out_step: usize,
) -> usize {
    use core::arch::x86_64::{
        __m128i, _mm_loadu_si128, _mm_or_si128, _mm_shuffle_epi8, _mm_storeu_si128,
    };
    // Group g reads source[16g..16g + 16] and writes target[g * out_step..][..16].
    let groups = (source.len() / 16).min(target.len().saturating_sub(16 - out_step) / out_step);
    // SAFETY: `mask` and `fill` are 16 readable bytes; loadu needs no alignment.
    let (mask, fill) = unsafe {
        (
            _mm_loadu_si128(mask.as_ptr().cast::<__m128i>()),
            _mm_loadu_si128(fill.as_ptr().cast::<__m128i>()),
        )
    };
    let (from, to) = (source.as_ptr(), target.as_mut_ptr());
    for group in 0..groups {
        // SAFETY: 16 * group + 16 <= source.len() and group * out_step + 16
        // <= target.len() by the choice of `groups`; unaligned loads/stores.
        unsafe {
            let pixels = _mm_loadu_si128(from.add(16 * group).cast::<__m128i>());
            let shuffled = _mm_or_si128(_mm_shuffle_epi8(pixels, mask), fill);
            _mm_storeu_si128(to.add(group * out_step).cast::<__m128i>(), shuffled);
        }
    }
    groups
}
