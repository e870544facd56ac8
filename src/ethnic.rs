//! Ethnic groups (dân tộc): the 54 officially recognised groups, found after a trigger word.
//!
//! SKELETON: the recogniser lands with issue #5.

/// An ethnic group mentioned in a text, with its mention count.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EthnicGroupMentions {
    /// The group's official name (`Mông`).
    pub name: String,
    /// How many times it is mentioned.
    pub mentions: usize,
    /// Byte spans of the mentions (of the group name).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Vec::is_empty", default)
    )]
    pub spans: Vec<crate::Span>,
}

/// Finds the ethnic groups mentioned in `text`, in order of first mention.
///
/// ```
/// let found = vntext::ethnic::find_ethnic_groups("đồng bào dân tộc Mông");
/// # let _ = found;
/// ```
pub fn find_ethnic_groups(text: &str) -> Vec<EthnicGroupMentions> {
    let _ = text;
    Vec::new()
}
