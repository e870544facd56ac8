//! Vietnamese syllables (âm tiết): parsing into onset, glide, nucleus, coda and tone; validity by
//! Vietnamese phonotactics; placing or stripping the tone mark.
//!
//! A written syllable is *(onset) + (glide) + nucleus + (coda) + tone* (REFERENCE §6.2):
//!
//! | part | Vietnamese | examples |
//! |---|---|---|
//! | onset | âm đầu | `ngh` in *nghiệm*, `qu` in *quý*, `gi` in *giữ* |
//! | glide | âm đệm | `o` in *hoàn*, `u` in *thuyền* |
//! | nucleus | âm chính | `iê` in *nghiệm*, `a` in *hoàn* |
//! | coda | âm cuối | `m` in *nghiệm*, `n` in *hoàn*, `i` in *tài* |
//! | tone | thanh điệu | nặng in *nghiệm*, huyền in *hoàn* |
//!
//! The parser is rule-based: it splits the letters, looks the vowel cluster up in a small table
//! (`data/syllables/clusters.tsv`, about 60 rows) and checks the spelling rules (`k`/`gh`/`ngh`
//! before i, y, e, ê; `q` only as `qu`; `gi` as an onset; checked syllables ending in p, t, c, ch
//! take only sắc or nặng; `ă`/`â` need a coda, …). It never allocates.
//!
//! **Tone position is not part of validity**: `hòa` and `hoà`, and also the misplaced `Qúy`,
//! `baỏ`, `lựơng`, are all valid syllables (they are Vietnamese syllables, written in one or another
//! convention or with the mark slipped); [`Syllable::is_tone_placed`] tells whether the mark sits
//! where a given [`ToneStyle`] puts it, and [`Syllable::place_tone`] moves it there.
//!
//! **Loan syllables**: the onset `p` (`pin`, `pa-nô`) and a glide after a labial onset (`boa`,
//! `voan`) are accepted, as REFERENCE §6.2 lists `p` among the onsets; letters outside the
//! Vietnamese alphabet (f, j, w, z) are not, nor are codas other than c, ch, m, n, ng, nh, p, t.
//!
//! ```
//! use vntext::syllable::{Syllable, Tone};
//! let s = Syllable::parse("nghiệm").unwrap();
//! assert_eq!((s.onset(), s.glide(), s.nucleus(), s.coda()), ("ngh", "", "iê", "m"));
//! assert_eq!(s.tone(), Tone::Nang);
//! assert!(vntext::syllable::is_valid("Việt"));
//! assert!(!vntext::syllable::is_valid("HĐND"));
//! ```

mod letter;

pub(crate) use letter::{
    code as letter_code, code_is_toned, code_is_vowel, code_u32 as letter_code_u32, code_vowel,
    compose, fold_char, vowel,
};
pub use letter::{set_tone_char, strip_tone_char, tone_of};

use std::fmt;
use std::sync::LazyLock;

/// Where the tone mark goes in the open rhymes `oa`, `oe`, `uy` (quy tắc đặt dấu thanh).
///
/// Names follow Vietnamese Wikipedia: `Traditional` = kiểu cũ, `Modern` = kiểu mới.
/// underthesea uses the opposite names (its "old style" `hoá` is our `Modern`).
///
/// ```
/// use vntext::normalize::{Normalizer, ToneStyle};
/// let t = Normalizer::new().tone_style(ToneStyle::Traditional);
/// let m = Normalizer::new().tone_style(ToneStyle::Modern);
/// assert_eq!(t.normalize("hoà thuỷ khoẻ").text, "hòa thủy khỏe");
/// assert_eq!(m.normalize("hòa thủy khỏe").text, "hoà thuỷ khoẻ");
/// assert_eq!(m.normalize("quý giúp hoàn thuyền khuỷu").text, "quý giúp hoàn thuyền khuỷu");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ToneStyle {
    /// Kiểu cũ: `hòa, thủy, khỏe` (the default; government portals write this way).
    #[default]
    Traditional,
    /// Kiểu mới: `hoà, thuỷ, khoẻ` (tone on the main vowel).
    Modern,
    /// Leave tone marks where they are written (misplaced marks are not repaired either).
    Preserve,
}

/// The six tones (thanh điệu) of Vietnamese, in the order of the tone marks of REFERENCE §6.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Tone {
    /// Thanh ngang (level tone, no mark): `a`.
    #[default]
    Ngang = 0,
    /// Thanh huyền (grave, U+0300): `à`.
    Huyen = 1,
    /// Thanh sắc (acute, U+0301): `á`.
    Sac = 2,
    /// Thanh hỏi (hook above, U+0309): `ả`.
    Hoi = 3,
    /// Thanh ngã (tilde, U+0303): `ã`.
    Nga = 4,
    /// Thanh nặng (dot below, U+0323): `ạ`.
    Nang = 5,
}

impl Tone {
    /// All six tones, ngang first.
    ///
    /// ```
    /// assert_eq!(vntext::syllable::Tone::ALL.len(), 6);
    /// ```
    pub const ALL: [Tone; 6] = [
        Tone::Ngang,
        Tone::Huyen,
        Tone::Sac,
        Tone::Hoi,
        Tone::Nga,
        Tone::Nang,
    ];

    pub(crate) const fn from_index(i: usize) -> Tone {
        match i {
            1 => Tone::Huyen,
            2 => Tone::Sac,
            3 => Tone::Hoi,
            4 => Tone::Nga,
            5 => Tone::Nang,
            _ => Tone::Ngang,
        }
    }

    /// The tone of a combining tone mark (U+0300 huyền, U+0301 sắc, U+0309 hỏi, U+0303 ngã,
    /// U+0323 nặng; the deprecated U+0340/U+0341 too).
    ///
    /// ```
    /// use vntext::syllable::Tone;
    /// assert_eq!(Tone::from_combining('\u{0323}'), Some(Tone::Nang));
    /// assert_eq!(Tone::from_combining('a'), None);
    /// ```
    pub fn from_combining(c: char) -> Option<Tone> {
        Some(match c {
            '\u{0300}' | '\u{0340}' => Tone::Huyen,
            '\u{0301}' | '\u{0341}' => Tone::Sac,
            '\u{0309}' => Tone::Hoi,
            '\u{0303}' => Tone::Nga,
            '\u{0323}' => Tone::Nang,
            _ => return None,
        })
    }

    /// The Vietnamese name of the tone (`"ngang"`, `"huyền"`, `"sắc"`, `"hỏi"`, `"ngã"`, `"nặng"`).
    ///
    /// ```
    /// assert_eq!(vntext::syllable::Tone::Nga.name(), "ngã");
    /// ```
    pub fn name(self) -> &'static str {
        ["ngang", "huyền", "sắc", "hỏi", "ngã", "nặng"][self as usize]
    }
}

// ---------------------------------------------------------------------------------------------
// The vowel-cluster table.

const CODA_OPEN: u16 = 1;
const CODAS: [&str; 8] = ["c", "ch", "m", "n", "ng", "nh", "p", "t"];

fn coda_bit(coda: &str) -> Option<u16> {
    if coda.is_empty() {
        return Some(CODA_OPEN);
    }
    CODAS.iter().position(|c| *c == coda).map(|i| 2 << i)
}

/// One row of `data/syllables/clusters.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cluster {
    glide: &'static str,
    nucleus: &'static str,
    final_: &'static str,
    codas: u16,
    traditional: u8,
    modern: u8,
}

struct ClusterTable {
    rows: Vec<Cluster>,
    /// Indexed by [`cluster_key`]; 0 = no such cluster, else row index + 1.
    index: Vec<u8>,
}

const CLUSTER_TSV: &str = include_str!("../../data/syllables/clusters.tsv");
const MAX_CLUSTER: usize = 3;
const KEY_SPACE: usize = 13 * 13 * 13;

/// Perfect key of a cluster of 1..=3 vowel indices.
#[inline]
fn cluster_key(vowels: &[u8]) -> Option<usize> {
    if vowels.is_empty() || vowels.len() > MAX_CLUSTER {
        return None;
    }
    Some(vowels.iter().fold(0usize, |k, &v| k * 13 + v as usize + 1))
}

fn vowel_index(c: char) -> Option<u8> {
    letter::VOWEL_BASES
        .iter()
        .position(|&b| b == c)
        .map(|i| i as u8)
}

static CLUSTERS: LazyLock<ClusterTable> = LazyLock::new(|| parse_cluster_table(CLUSTER_TSV));

fn parse_cluster_table(tsv: &'static str) -> ClusterTable {
    let mut rows = Vec::new();
    let mut index = vec![0u8; KEY_SPACE];
    for line in tsv.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').collect();
        // The table is part of the crate and checked by tests; a malformed row is skipped.
        if f.len() != 7 {
            debug_assert!(false, "clusters.tsv: bad row {line:?}");
            continue;
        }
        let dash = |s: &'static str| if s == "-" { "" } else { s };
        let mut codas = 0u16;
        for c in f[4].split(',') {
            codas |= coda_bit(dash(c)).unwrap_or(0);
        }
        let vowels: Option<Vec<u8>> = f[0].chars().map(vowel_index).collect();
        let (Some(vowels), Ok(traditional), Ok(modern)) = (vowels, f[5].parse(), f[6].parse())
        else {
            debug_assert!(false, "clusters.tsv: bad row {line:?}");
            continue;
        };
        let Some(key) = cluster_key(&vowels) else {
            continue;
        };
        rows.push(Cluster {
            glide: dash(f[1]),
            nucleus: f[2],
            final_: dash(f[3]),
            codas,
            traditional,
            modern,
        });
        index[key] = rows.len() as u8;
    }
    ClusterTable { rows, index }
}

#[inline]
fn lookup(vowels: &[u8]) -> Option<(u8, &'static Cluster)> {
    let table = &*CLUSTERS;
    let i = *table.index.get(cluster_key(vowels)?)?;
    (i != 0).then(|| (i - 1, &table.rows[i as usize - 1]))
}

// ---------------------------------------------------------------------------------------------
// Letters of a syllable.

/// Maximum letters in a syllable (`nghiêng` has 7).
const MAX_LETTERS: usize = 8;
/// Kind code of đ in [`Syllable::kinds`].
const KIND_DD: u8 = 1;
/// Kind codes ≥ this are vowels (`VOWEL | index`).
const VOWEL: u8 = 0x80;

const V_A: u8 = 0;
const V_AW: u8 = 1;
const V_AA: u8 = 2;
const V_E: u8 = 3;
const V_EE: u8 = 4;
const V_I: u8 = 5;
const V_O: u8 = 6;
const V_OO: u8 = 7;
const V_OW: u8 = 8;
const V_U: u8 = 9;
const V_UW: u8 = 10;
const V_Y: u8 = 11;

/// A parsed Vietnamese syllable (âm tiết). Copyable, no allocation; case is kept per letter.
///
/// ```
/// use vntext::syllable::{Syllable, Tone};
/// use vntext::normalize::ToneStyle;
/// let s = Syllable::parse("Thuỷ").unwrap();
/// assert_eq!((s.onset(), s.glide(), s.nucleus(), s.coda()), ("th", "u", "y", ""));
/// assert_eq!(s.place_tone(ToneStyle::Traditional), "Thủy");
/// assert_eq!(s.strip_tone(), "Thuy");
/// assert_eq!(s.to_string(), "Thuỷ");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Syllable {
    /// Per letter: lowercase ASCII consonant, [`KIND_DD`], or `VOWEL | vowel index`.
    kinds: [u8; MAX_LETTERS],
    len: u8,
    /// Bit i set: letter i is uppercase.
    upper: u16,
    onset: &'static str,
    /// Letter range of the vowel cluster looked up in the table.
    cluster_start: u8,
    cluster_end: u8,
    /// Row of the cluster table.
    cluster: u8,
    /// `gi` + a cluster written without its i (`giếng` = gi + iêng): the table row is the one of
    /// the cluster with i, so tone indexes shift by one.
    gi_prefix: bool,
    /// `qu` + a glide cluster (quý = q + uy): the u is the glide and never takes the tone.
    qu_glide: bool,
    coda: &'static str,
    tone: Tone,
    /// Letter index of the written tone mark.
    tone_at: Option<u8>,
}

/// Whether `word` is a valid Vietnamese syllable (âm tiết hợp lệ) by phonotactics and spelling
/// rules; case-insensitive; NFC input (NFD is accepted too). The tone mark may sit on any vowel
/// of the syllable (see the [module docs](self)). Allocation-free.
///
/// ```
/// use vntext::syllable::is_valid;
/// assert!(is_valid("Việt"));
/// assert!(is_valid("NGHIÊNG"));
/// assert!(is_valid("hoà") && is_valid("hòa"));
/// assert!(is_valid("Vie\u{0302}\u{0323}t"), "NFD");
/// assert!(!is_valid("HĐND"));
/// assert!(!is_valid("UBND"));
/// assert!(!is_valid("tàc"), "checked syllables take only sắc or nặng");
/// assert!(is_valid("ke") && !is_valid("ce"), "k before e, never c");
/// assert!(!is_valid("quá1"));
/// ```
#[inline]
pub fn is_valid(word: &str) -> bool {
    Syllable::parse(word).is_some()
}

impl Syllable {
    /// Parses `word` as one Vietnamese syllable; `None` when it is not a valid one (see
    /// [`is_valid`]).
    ///
    /// ```
    /// use vntext::syllable::{Syllable, Tone};
    /// let s = Syllable::parse("quyển").unwrap();
    /// assert_eq!((s.onset(), s.nucleus(), s.coda(), s.tone()), ("qu", "yê", "n", Tone::Hoi));
    /// let s = Syllable::parse("giữa").unwrap();
    /// assert_eq!((s.onset(), s.nucleus()), ("gi", "ưa"));
    /// assert!(Syllable::parse("Hà Nội").is_none());
    /// ```
    pub fn parse(word: &str) -> Option<Syllable> {
        let mut kinds = [0u8; MAX_LETTERS];
        let mut len = 0usize;
        let mut upper = 0u16;
        let mut tone = Tone::Ngang;
        let mut tone_at = None;
        for c in word.chars() {
            let code = letter::code(c);
            if code != 0 {
                if len == MAX_LETTERS {
                    return None;
                }
                if code == letter::CODE_DD || code == letter::CODE_DD_UPPER {
                    kinds[len] = KIND_DD;
                    if code == letter::CODE_DD_UPPER {
                        upper |= 1 << len;
                    }
                } else {
                    let v = letter::vowel_of_code(code)?;
                    kinds[len] = VOWEL | v.vowel;
                    if v.upper {
                        upper |= 1 << len;
                    }
                    if v.tone != Tone::Ngang {
                        if tone_at.is_some() {
                            return None;
                        }
                        tone = v.tone;
                        tone_at = Some(len as u8);
                    }
                }
                len += 1;
            } else if c.is_ascii_alphabetic() {
                let l = c.to_ascii_lowercase();
                if matches!(l, 'f' | 'j' | 'w' | 'z') || len == MAX_LETTERS {
                    return None;
                }
                kinds[len] = l as u8;
                if c.is_ascii_uppercase() {
                    upper |= 1 << len;
                }
                len += 1;
            } else {
                // NFD: a combining mark modifies the previous vowel.
                let last = len.checked_sub(1)?;
                let k = kinds[last];
                if k < VOWEL {
                    return None;
                }
                if let Some(t) = Tone::from_combining(c) {
                    if tone_at.is_some() {
                        return None;
                    }
                    tone = t;
                    tone_at = Some(last as u8);
                } else {
                    let v = k & !VOWEL;
                    let nv = match (c, v) {
                        ('\u{0302}', V_A) => V_AA,
                        ('\u{0302}', V_E) => V_EE,
                        ('\u{0302}', V_O) => V_OO,
                        ('\u{0306}', V_A) => V_AW,
                        ('\u{031B}', V_O) => V_OW,
                        ('\u{031B}', V_U) => V_UW,
                        _ => return None,
                    };
                    kinds[last] = VOWEL | nv;
                }
            }
        }
        Self::from_letters(kinds, len, upper, tone, tone_at)
    }

    fn from_letters(
        kinds: [u8; MAX_LETTERS],
        len: usize,
        upper: u16,
        tone: Tone,
        tone_at: Option<u8>,
    ) -> Option<Syllable> {
        let letters = &kinds[..len];
        // Onset: the leading consonants.
        let mut p = letters.iter().position(|&k| k >= VOWEL)?;
        let mut onset_buf = [0u8; 4];
        if p > 3 {
            return None;
        }
        for (i, &k) in letters[..p].iter().enumerate() {
            onset_buf[i] = if k == KIND_DD { b'D' } else { k };
        }
        let onset_raw: &[u8] = &onset_buf[..p];
        let mut onset: &'static str = match onset_raw {
            b"" => "",
            b"D" => "đ",
            b"q" => "q",
            b"b" => "b",
            b"c" => "c",
            b"ch" => "ch",
            b"d" => "d",
            b"g" => "g",
            b"gh" => "gh",
            b"gi" => "gi",
            b"h" => "h",
            b"k" => "k",
            b"kh" => "kh",
            b"l" => "l",
            b"m" => "m",
            b"n" => "n",
            b"ng" => "ng",
            b"ngh" => "ngh",
            b"nh" => "nh",
            b"p" => "p",
            b"ph" => "ph",
            b"qu" => "qu",
            b"r" => "r",
            b"s" => "s",
            b"t" => "t",
            b"th" => "th",
            b"tr" => "tr",
            b"v" => "v",
            b"x" => "x",
            _ => return None,
        };
        // The vowel run and the coda.
        let vowels_end = p + letters[p..].iter().take_while(|&&k| k >= VOWEL).count();
        let coda_raw = &letters[vowels_end..];
        if coda_raw.len() > 2 || coda_raw.contains(&KIND_DD) {
            return None;
        }
        let coda: &'static str = match coda_raw {
            b"" => "",
            b"k" => "k",
            b"c" => "c",
            b"ch" => "ch",
            b"m" => "m",
            b"n" => "n",
            b"ng" => "ng",
            b"nh" => "nh",
            b"p" => "p",
            b"t" => "t",
            _ => return None,
        };
        let vowel_of = |i: usize| letters[i] & !VOWEL;
        // Looks up the cluster letters[from..vowels_end], optionally with an implicit leading i.
        let try_lookup = |from: usize, with_i: bool| -> Option<(u8, &'static Cluster)> {
            let off = usize::from(with_i);
            let n = vowels_end - from;
            if n == 0 || n + off > MAX_CLUSTER {
                return None;
            }
            let mut vbuf = [0u8; MAX_CLUSTER];
            if with_i {
                vbuf[0] = V_I;
            }
            for i in 0..n {
                vbuf[off + i] = vowel_of(from + i);
            }
            lookup(&vbuf[..n + off])
        };
        let mut gi_prefix = false;
        let mut qu_glide = false;
        let cluster_start;
        let (row, cl);
        if onset == "q" {
            // q only as qu, the u being the glide: qu + uy/uyê/uâ/uê/uơ… (quý, quyển, quân),
            // or qu + a glide-less rhyme (qua, quốc, quen).
            if vowel_of(p) != V_U || vowels_end - p < 2 {
                return None;
            }
            onset = "qu";
            match try_lookup(p, false) {
                Some((r, c)) if c.glide == "u" && c.codas & coda_bit(coda).unwrap_or(0) != 0 => {
                    qu_glide = true;
                    cluster_start = p;
                    (row, cl) = (r, c);
                }
                _ => {
                    p += 1;
                    cluster_start = p;
                    (row, cl) = try_lookup(p, false)?;
                    if !cl.glide.is_empty() || matches!(vowel_of(p), V_O | V_U | V_UW) {
                        return None;
                    }
                }
            }
        } else if onset == "g" && vowel_of(p) == V_I {
            onset = "gi";
            if vowels_end - p >= 2 {
                p += 1;
                // giếng = gi + iêng: look the cluster up with its i; else gi + ê (giê).
                let with_i = if vowel_of(p) == V_EE {
                    try_lookup(p, true)
                } else {
                    None
                };
                let with_i = with_i.filter(|(_, c)| c.codas & coda_bit(coda).unwrap_or(0) != 0);
                match with_i {
                    Some(x) => {
                        gi_prefix = true;
                        (row, cl) = x;
                    }
                    None => (row, cl) = try_lookup(p, false)?,
                }
            } else {
                (row, cl) = try_lookup(p, false)?;
            }
            cluster_start = p;
            if !cl.glide.is_empty() {
                return None;
            }
        } else {
            cluster_start = p;
            (row, cl) = try_lookup(p, false)?;
        }
        let vs0 = if gi_prefix {
            V_I
        } else {
            vowel_of(cluster_start)
        };
        let coda = if coda == "k" {
            // Đắk, Lắk: official place names of the Central Highlands (loan coda k after ă).
            if vs0 != V_AW || vowels_end - cluster_start != 1 {
                return None;
            }
            "c"
        } else {
            coda
        };
        // Codas the cluster admits.
        if cl.codas & coda_bit(coda)? == 0 {
            return None;
        }
        // Checked syllables (p, t, c, ch) take only sắc or nặng.
        if matches!(coda, "p" | "t" | "c" | "ch") && !matches!(tone, Tone::Sac | Tone::Nang) {
            return None;
        }
        // Spelling rules of the onset.
        let first = vs0;
        let front = matches!(first, V_E | V_EE | V_I | V_Y);
        let has_glide = !cl.glide.is_empty();
        let spelling_ok = match onset {
            // k before a, o, ô is accepted for place names (Kon Tum, Bắc Kạn): loans.
            "k" => !has_glide,
            "gh" | "ngh" => front && !has_glide,
            "c" => !front && !has_glide,
            "g" | "ng" => !front,
            _ => true,
        };
        if !spelling_ok {
            return None;
        }
        let nucleus = cl.nucleus;
        let plain = cl.glide.is_empty() && !qu_glide;
        if plain && nucleus.starts_with("yê") && !(onset.is_empty() || onset == "qu") {
            return None;
        }
        if plain && nucleus.starts_with("iê") && (onset.is_empty() || onset == "qu") && !gi_prefix
        {
            return None;
        }
        if nucleus == "ia" && onset == "qu" {
            return None;
        }
        Some(Syllable {
            kinds,
            len: len as u8,
            upper,
            onset,
            cluster_start: cluster_start as u8,
            cluster_end: vowels_end as u8,
            cluster: row,
            gi_prefix,
            qu_glide,
            coda,
            tone,
            tone_at,
        })
    }

    fn row(&self) -> &'static Cluster {
        &CLUSTERS.rows[self.cluster as usize]
    }

    /// The written onset (âm đầu), lowercase: one of `b c ch d đ g gh gi h k kh l m n ng ngh nh p
    /// ph qu r s t th tr v x`, or `""`. The `u` of `qu` (the medial /w/) and the `i` of `gi`
    /// are written as part of the onset.
    ///
    /// ```
    /// use vntext::syllable::Syllable;
    /// assert_eq!(Syllable::parse("Quý").unwrap().onset(), "qu");
    /// assert_eq!(Syllable::parse("gì").unwrap().onset(), "gi");
    /// assert_eq!(Syllable::parse("ông").unwrap().onset(), "");
    /// ```
    pub fn onset(&self) -> &'static str {
        self.onset
    }

    /// The glide (âm đệm, medial /w/) as written: `"o"` (hoa, hoe), `"u"` (thuỷ, tuần), or `""`.
    ///
    /// ```
    /// use vntext::syllable::Syllable;
    /// assert_eq!(Syllable::parse("hoàn").unwrap().glide(), "o");
    /// assert_eq!(Syllable::parse("tuần").unwrap().glide(), "u");
    /// assert_eq!(Syllable::parse("của").unwrap().glide(), "");
    /// ```
    pub fn glide(&self) -> &'static str {
        if self.onset == "qu" {
            "u"
        } else {
            self.row().glide
        }
    }

    /// The nucleus (âm chính) as written, lowercase, without tone: a single vowel or a diphthong
    /// (`iê yê ia ya uô ua ươ ưa oo`). In `giếng` the nucleus is `iê`, its i shared with the onset.
    ///
    /// ```
    /// use vntext::syllable::Syllable;
    /// assert_eq!(Syllable::parse("người").unwrap().nucleus(), "ươ");
    /// assert_eq!(Syllable::parse("mùa").unwrap().nucleus(), "ua");
    /// assert_eq!(Syllable::parse("giếng").unwrap().nucleus(), "iê");
    /// ```
    pub fn nucleus(&self) -> &'static str {
        self.row().nucleus
    }

    /// The coda (âm cuối): a consonant `c ch m n ng nh p t`, a semivowel `i y o u`, or `""`.
    /// The loan coda `k` of the Central Highlands place names `Đắk`, `Lắk` reads as `c`.
    ///
    /// ```
    /// use vntext::syllable::Syllable;
    /// assert_eq!(Syllable::parse("người").unwrap().coda(), "i");
    /// assert_eq!(Syllable::parse("nghiêng").unwrap().coda(), "ng");
    /// assert_eq!(Syllable::parse("hoa").unwrap().coda(), "");
    /// ```
    pub fn coda(&self) -> &'static str {
        if self.coda.is_empty() {
            self.row().final_
        } else {
            self.coda
        }
    }

    /// The tone (thanh điệu).
    ///
    /// ```
    /// use vntext::syllable::{Syllable, Tone};
    /// assert_eq!(Syllable::parse("Nội").unwrap().tone(), Tone::Nang);
    /// assert_eq!(Syllable::parse("ba").unwrap().tone(), Tone::Ngang);
    /// ```
    pub fn tone(&self) -> Tone {
        self.tone
    }

    /// Number of letters (chars in NFC).
    ///
    /// ```
    /// assert_eq!(vntext::syllable::Syllable::parse("nghiêng").unwrap().len(), 7);
    /// ```
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Always false: a syllable has a vowel.
    ///
    /// ```
    /// assert!(!vntext::syllable::Syllable::parse("a").unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Letter (char) index where `style` puts the tone mark; for [`ToneStyle::Preserve`], where
    /// it is written. `None` for thanh ngang.
    ///
    /// ```
    /// use vntext::{normalize::ToneStyle, syllable::Syllable};
    /// let s = Syllable::parse("hoà").unwrap();
    /// assert_eq!(s.tone_index(ToneStyle::Traditional), Some(1));
    /// assert_eq!(s.tone_index(ToneStyle::Modern), Some(2));
    /// assert_eq!(s.tone_index(ToneStyle::Preserve), Some(2));
    /// ```
    pub fn tone_index(&self, style: ToneStyle) -> Option<usize> {
        if self.tone == Tone::Ngang {
            return None;
        }
        if style == ToneStyle::Preserve
            && let Some(i) = self.tone_at
        {
            return Some(i as usize);
        }
        Some(self.canonical_index(style))
    }

    fn canonical_index(&self, style: ToneStyle) -> usize {
        let row = self.row();
        let i = if style == ToneStyle::Traditional && self.coda.is_empty() && !self.qu_glide {
            row.traditional
        } else {
            row.modern
        } as usize;
        self.cluster_start as usize + i - usize::from(self.gi_prefix)
    }

    /// Whether the tone mark sits where `style` puts it (always true for thanh ngang and for
    /// [`ToneStyle::Preserve`]).
    ///
    /// ```
    /// use vntext::{normalize::ToneStyle, syllable::Syllable};
    /// let s = Syllable::parse("Qúy").unwrap();
    /// assert!(!s.is_tone_placed(ToneStyle::Traditional));
    /// assert!(Syllable::parse("hòa").unwrap().is_tone_placed(ToneStyle::Traditional));
    /// assert!(!Syllable::parse("hòa").unwrap().is_tone_placed(ToneStyle::Modern));
    /// ```
    pub fn is_tone_placed(&self, style: ToneStyle) -> bool {
        match self.tone_at {
            None => true,
            Some(_) if style == ToneStyle::Preserve => true,
            Some(at) => at as usize == self.canonical_index(style),
        }
    }

    /// The same syllable with tone `tone` (at the written position if there was a mark, else
    /// where the traditional style puts it); `None` when a checked syllable (coda p, t, c, ch)
    /// would get a tone other than sắc or nặng.
    ///
    /// ```
    /// use vntext::syllable::{Syllable, Tone};
    /// let s = Syllable::parse("Việt").unwrap();
    /// assert_eq!(s.with_tone(Tone::Sac).unwrap().to_string(), "Viết");
    /// assert!(s.with_tone(Tone::Huyen).is_none());
    /// assert_eq!(Syllable::parse("hoa").unwrap().with_tone(Tone::Huyen).unwrap().to_string(), "hòa");
    /// ```
    pub fn with_tone(&self, tone: Tone) -> Option<Syllable> {
        if matches!(self.coda, "p" | "t" | "c" | "ch") && !matches!(tone, Tone::Sac | Tone::Nang) {
            return None;
        }
        let mut s = *self;
        s.tone = tone;
        s.tone_at = match tone {
            Tone::Ngang => None,
            _ => Some(
                self.tone_at
                    .unwrap_or(self.canonical_index(ToneStyle::Traditional) as u8),
            ),
        };
        Some(s)
    }

    /// The syllable without its tone mark, case kept (`Việt` → `Viêt`).
    ///
    /// ```
    /// assert_eq!(vntext::syllable::Syllable::parse("NGHIỆM").unwrap().strip_tone(), "NGHIÊM");
    /// ```
    pub fn strip_tone(&self) -> String {
        let mut s = String::with_capacity(self.len as usize * 2);
        self.write_with(&mut s, None);
        s
    }

    /// The syllable with its tone mark placed by `style`, case kept.
    ///
    /// ```
    /// use vntext::{normalize::ToneStyle, syllable::Syllable};
    /// let s = Syllable::parse("khoẻ").unwrap();
    /// assert_eq!(s.place_tone(ToneStyle::Traditional), "khỏe");
    /// assert_eq!(s.place_tone(ToneStyle::Modern), "khoẻ");
    /// assert_eq!(Syllable::parse("lựơng").unwrap().place_tone(ToneStyle::Modern), "lượng");
    /// ```
    pub fn place_tone(&self, style: ToneStyle) -> String {
        let mut s = String::with_capacity(self.len as usize * 3);
        self.write_placed(&mut s, style);
        s
    }

    /// Appends the syllable with its tone placed by `style` to `out` (no allocation beyond
    /// `out`'s growth).
    ///
    /// ```
    /// use vntext::{normalize::ToneStyle, syllable::Syllable};
    /// let mut out = String::new();
    /// Syllable::parse("Uỷ").unwrap().write_placed(&mut out, ToneStyle::Traditional);
    /// assert_eq!(out, "Ủy");
    /// ```
    pub fn write_placed(&self, out: &mut String, style: ToneStyle) {
        self.write_with(out, self.tone_index(style));
    }

    fn write_with(&self, out: &mut String, tone_at: Option<usize>) {
        for i in 0..self.len as usize {
            let k = self.kinds[i];
            let up = self.upper & (1 << i) != 0;
            let c = if k >= VOWEL {
                let t = if tone_at == Some(i) {
                    self.tone
                } else {
                    Tone::Ngang
                };
                letter::compose(k & !VOWEL, t, up)
            } else if k == KIND_DD {
                if up { 'Đ' } else { 'đ' }
            } else if up {
                (k as char).to_ascii_uppercase()
            } else {
                k as char
            };
            out.push(c);
        }
    }
}

/// Whether `word` has the letters of a Vietnamese syllable once its tone and vowel marks are set
/// aside (dạng âm tiết): an onset, a vowel cluster of the cluster table
/// (`data/syllables/clusters.tsv`, marks folded) and a coda that cluster admits. Names written
/// without marks (`Nguyen`, `Tien`) fit; words no Vietnamese syllable spells like (`Joe`, `Biden`,
/// `Phankham`, `Lee`: letters outside the alphabet, clusters or codas Vietnamese lacks) do not.
/// Case-insensitive, allocation-free; a word with anything but letters never fits.
///
/// ```
/// use vntext::syllable::fits_shape;
/// assert!(fits_shape("Nguyễn") && fits_shape("Nguyen") && fits_shape("gì") && fits_shape("Quý"));
/// assert!(!fits_shape("Joe") && !fits_shape("Biden") && !fits_shape("Phankham"));
/// assert!(!fits_shape("Lee") && !fits_shape("Kun-hee") && !fits_shape(""));
/// ```
pub fn fits_shape(word: &str) -> bool {
    let mut buf = [0u8; MAX_LETTERS];
    let mut n = 0;
    for c in word.chars() {
        let l = if c.is_ascii_alphabetic() {
            c.to_ascii_lowercase() as u8
        } else if ('\u{300}'..='\u{36F}').contains(&c) {
            // NFD marks: set aside like precomposed ones.
            continue;
        } else {
            match letter::fold_char(c) {
                Some(f) => f.to_ascii_lowercase() as u8,
                None => return false,
            }
        };
        if n == MAX_LETTERS || matches!(l, b'f' | b'j' | b'w' | b'z') {
            return false;
        }
        buf[n] = l;
        n += 1;
    }
    let letters = &buf[..n];
    let is_vowel = |b: &u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let Some(p) = letters.iter().position(is_vowel) else {
        return false;
    };
    let onset = &letters[..p];
    let onset_ok = matches!(
        onset,
        b"" | b"b"
            | b"c"
            | b"ch"
            | b"d"
            | b"g"
            | b"gh"
            | b"h"
            | b"k"
            | b"kh"
            | b"l"
            | b"m"
            | b"n"
            | b"ng"
            | b"ngh"
            | b"nh"
            | b"p"
            | b"ph"
            | b"q"
            | b"r"
            | b"s"
            | b"t"
            | b"th"
            | b"tr"
            | b"v"
            | b"x"
    );
    if !onset_ok {
        return false;
    }
    let vowels_end = p + letters[p..].iter().take_while(|b| is_vowel(b)).count();
    let Some(coda) = std::str::from_utf8(&letters[vowels_end..])
        .ok()
        .and_then(coda_bit)
    else {
        return false;
    };
    let cluster = &letters[p..vowels_end];
    let fits = |c: &[u8]| folded_key(c).is_some_and(|k| FOLDED_CLUSTERS[k] & coda != 0);
    // `qu` + cluster (`quý`, `quân`), `gi` + cluster (`gia`, `giêng`): the u or the i belongs to
    // the onset.
    match onset {
        b"q" => cluster.len() >= 2 && cluster[0] == b'u' && (fits(&cluster[1..]) || fits(cluster)),
        b"g" if cluster.len() >= 2 && cluster[0] == b'i' => fits(&cluster[1..]) || fits(cluster),
        _ => fits(cluster),
    }
}

/// The vowel clusters of the table with their marks folded (`iê` → `ie`, `ươ` → `uo`), and the
/// codas each folded form admits (the union over the clusters that fold to it), indexed by
/// [`folded_key`].
static FOLDED_CLUSTERS: LazyLock<[u16; 7 * 7 * 7]> = LazyLock::new(|| {
    let mut table = [0u16; 7 * 7 * 7];
    for line in CLUSTER_TSV.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 7 {
            continue;
        }
        let folded: Vec<u8> = f[0]
            .chars()
            .map(|c| letter::fold_char(c).unwrap_or(c) as u8)
            .collect();
        let mut codas = 0u16;
        for c in f[4].split(',') {
            codas |= coda_bit(if c == "-" { "" } else { c }).unwrap_or(0);
        }
        if let Some(k) = folded_key(&folded) {
            table[k] |= codas;
        }
    }
    table
});

/// The index of a folded cluster of one to three of `a e i o u y`.
fn folded_key(cluster: &[u8]) -> Option<usize> {
    if cluster.is_empty() || cluster.len() > 3 {
        return None;
    }
    cluster.iter().try_fold(0usize, |k, &c| {
        let v = b"aeiouy".iter().position(|&x| x == c)?;
        Some(k * 7 + v + 1)
    })
}

/// Writes the syllable as written (tone where it was, NFC).
impl fmt::Display for Syllable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(self.len as usize * 3);
        self.write_with(&mut s, self.tone_index(ToneStyle::Preserve));
        f.write_str(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_table_loads() {
        let t = &*CLUSTERS;
        assert!(t.rows.len() >= 50, "{}", t.rows.len());
        let (_, oa) = lookup(&[V_O, V_A]).unwrap();
        assert_eq!(
            (oa.glide, oa.nucleus, oa.traditional, oa.modern),
            ("o", "a", 0, 1)
        );
        assert!(lookup(&[V_A, V_A]).is_none());
        // Every row's tone index falls inside its cluster.
        for line in CLUSTER_TSV.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let n = f[0].chars().count();
            assert!(f[5].parse::<usize>().unwrap() < n && f[6].parse::<usize>().unwrap() < n);
        }
    }

    #[test]
    fn parts() {
        let s = Syllable::parse("khuỷu").unwrap();
        assert_eq!(
            (s.onset(), s.glide(), s.nucleus(), s.coda()),
            ("kh", "u", "y", "u")
        );
        assert_eq!(s.tone_index(ToneStyle::Traditional), Some(3));
        let s = Syllable::parse("thuyền").unwrap();
        assert_eq!((s.glide(), s.nucleus(), s.coda()), ("u", "yê", "n"));
        assert_eq!(s.place_tone(ToneStyle::Traditional), "thuyền");
    }

    #[test]
    fn shapes_without_marks() {
        // Names written without marks keep a syllable's shape; foreign spellings do not.
        for w in [
            "Nguyen", "Tien", "Hoang", "Thuy", "quy", "gia", "giêng", "Kun", "Đức", "NGHIÊNG",
        ] {
            assert!(fits_shape(w), "{w}");
        }
        for w in [
            "Joe",
            "Biden",
            "Levy",
            "Phankham",
            "Viphavanh",
            "Hodgson",
            "Ryan",
            "Roy",
            "Lee",
            "Hae",
            "Moon",
            "Đắk",
            "Niê",
            "ubnd",
            "a1",
            "hen-ri",
        ] {
            assert!(!fits_shape(w), "{w}");
        }
    }

    #[test]
    fn invalid() {
        for w in [
            "", "b", "qa", "ngy", "ghà", "ca1", "xyz", "fa", "aa", "tàc", "tac", "ăn1", "ăm ơ",
        ] {
            assert!(Syllable::parse(w).is_none(), "{w}");
        }
    }
}
