//! x86-64 vector primitives shared by the SIMD scans (`normalize`'s clean-text scan, the
//! tokenizer's word scan): one small vocabulary (`load`, `eq`, `within`, `or`, `movemask`…)
//! over SSE2 (16 lanes, part of every x86-64 CPU) and AVX2 (32 lanes, to be called only after
//! run-time detection).
//!
//! The functions carry `#[target_feature]`; their bodies use no pointers (vectors are built
//! from slice reads) and no unsafe code. Calling one from code compiled without the feature is
//! the only `unsafe` step, taken at three audited call sites.

/// Defines the primitives of one instruction set, given its vector type `V` in scope, a
/// `from_words` that builds a `V` from little-endian words, and the intrinsics' names.
macro_rules! primitives {
    ($feature:literal, $lanes:literal, $set1:ident, $cmpeq:ident, $cmpgt:ident, $or:ident,
     $and:ident, $andnot:ident, $sub:ident, $subs:ident, $zero:ident, $movemask:ident) => {
        /// Bytes per vector.
        pub(crate) const LANES: usize = $lanes;

        /// `b[at..at + LANES]` (whole words read from the slice: no pointers).
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn load(b: &[u8], at: usize) -> V {
            let s: &[u8; $lanes] = b[at..at + $lanes].try_into().unwrap_or(&[0; $lanes]);
            let mut w = [0i64; $lanes / 8];
            let mut k = 0;
            while k < $lanes / 8 {
                let o = 8 * k;
                w[k] = i64::from_le_bytes([
                    s[o],
                    s[o + 1],
                    s[o + 2],
                    s[o + 3],
                    s[o + 4],
                    s[o + 5],
                    s[o + 6],
                    s[o + 7],
                ]);
                k += 1;
            }
            from_words(w)
        }
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn splat(v: u8) -> V {
            $set1(v as i8)
        }
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn eq(x: V, v: u8) -> V {
            $cmpeq(x, splat(v))
        }
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn or(a: V, b: V) -> V {
            $or(a, b)
        }
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn and(a: V, b: V) -> V {
            $and(a, b)
        }
        /// `b & !a`.
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn andnot(a: V, b: V) -> V {
            $andnot(a, b)
        }
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn sub(a: V, b: V) -> V {
            $sub(a, b)
        }
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn subs_u8(a: V, b: V) -> V {
            $subs(a, b)
        }
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn is_zero(x: V) -> V {
            $cmpeq(x, $zero())
        }
        /// Lanes below `v` as signed bytes.
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn lt_signed(x: V, v: i8) -> V {
            $cmpgt($set1(v), x)
        }
        /// Lanes with the top bit set (non-ASCII bytes).
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn negative(x: V) -> V {
            $cmpgt($zero(), x)
        }
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn movemask(x: V) -> u64 {
            $movemask(x) as u32 as u64
        }
        /// Lanes with `lo <= x <= hi` (unsigned).
        #[inline]
        #[target_feature(enable = $feature)]
        pub(crate) fn within(x: V, lo: u8, hi: u8) -> V {
            is_zero(subs_u8(sub(x, splat(lo)), splat(hi - lo)))
        }
    };
}

/// 16 lanes with SSE2.
pub(crate) mod sse2 {
    /// The vector type.
    pub(crate) type V = __m128i;
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8, _mm_setzero_si128,
        _mm_sub_epi8, _mm_subs_epu8,
    };

    #[inline]
    #[target_feature(enable = "sse2")]
    fn from_words(w: [i64; 2]) -> V {
        _mm_set_epi64x(w[1], w[0])
    }

    primitives!(
        "sse2",
        16,
        _mm_set1_epi8,
        _mm_cmpeq_epi8,
        _mm_cmpgt_epi8,
        _mm_or_si128,
        _mm_and_si128,
        _mm_andnot_si128,
        _mm_sub_epi8,
        _mm_subs_epu8,
        _mm_setzero_si128,
        _mm_movemask_epi8
    );
}

/// 32 lanes with AVX2.
pub(crate) mod avx2 {
    /// The vector type.
    pub(crate) type V = __m256i;
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set_epi64x, _mm256_set1_epi8,
        _mm256_setzero_si256, _mm256_sub_epi8, _mm256_subs_epu8,
    };

    #[inline]
    #[target_feature(enable = "avx2")]
    fn from_words(w: [i64; 4]) -> V {
        _mm256_set_epi64x(w[3], w[2], w[1], w[0])
    }

    primitives!(
        "avx2",
        32,
        _mm256_set1_epi8,
        _mm256_cmpeq_epi8,
        _mm256_cmpgt_epi8,
        _mm256_or_si256,
        _mm256_and_si256,
        _mm256_andnot_si256,
        _mm256_sub_epi8,
        _mm256_subs_epu8,
        _mm256_setzero_si256,
        _mm256_movemask_epi8
    );
}
