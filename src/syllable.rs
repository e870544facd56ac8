//! Vietnamese syllables (âm tiết): parsing into onset, glide, nucleus, coda and tone; validity.
//!
//! SKELETON: a placeholder validity check; the parser lands with issue #2.

/// Whether `word` is a valid Vietnamese syllable (case-insensitive, NFC).
///
/// ```
/// assert!(vntext::syllable::is_valid("Việt"));
/// assert!(!vntext::syllable::is_valid("HĐND"));
/// ```
pub fn is_valid(word: &str) -> bool {
    let vowels = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ";
    let lower = word.to_lowercase();
    !lower.is_empty()
        && lower.chars().any(|c| vowels.contains(c))
        && lower
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == 'đ' || vowels.contains(c))
}
