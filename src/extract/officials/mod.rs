//! Officials (cán bộ, lãnh đạo): a person named together with a position.
//!
//! The recogniser reads the patterns of Vietnamese news and administrative text:
//!
//! - title before the name (`Phó Thủ tướng Vũ Đức Đam`, `Chủ tịch UBND tỉnh Lai Châu Trần Tiến Dũng`),
//!   possibly after a chain of titles (`Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng`);
//! - the name, then its titles after a dash, comma, colon or parenthesis
//!   (`Đồng chí Hoàng Thọ Trung - Tỉnh ủy viên, Bí thư Huyện ủy`, `ông Nguyễn Văn A, Giám đốc Sở Y tế`),
//!   or after `là`/`làm` in the same sentence (`ông A, …, từng là Chủ tịch HĐQT …`);
//! - signature blocks (chữ ký): `KT. BỘ TRƯỞNG` / `THỨ TRƯỞNG` / name, where the title kept is the
//!   position the signer holds.
//!
//! Honorifics (danh xưng: `Đồng chí`, `đ/c`, `ông`, `bà`…) and ranks (cấp hàm, học hàm: `Đại tá`,
//! `PGS.TS`) are kept apart from the name and the titles. A name is accepted when every syllable is
//! capitalized and it starts with a Vietnamese family name (họ), or when it follows an honorific;
//! foreign names are accepted right after a title and a country (`Thủ tướng Lào Phankham Viphavanh`).
//! Place names after a title (`Bí thư Huyện ủy Sìn Hồ`) are not persons, and persons without a
//! position are not officials. Mentions are merged by name, titles united in order; a later
//! mention by given name (`Ông Tâm là đại biểu Quốc hội khóa XIII`) adds its titles to the one
//! official with that given name.
//!
//! The word tables live in `data/officials/` (family names, honorifics, ranks, titles,
//! organization words, place and country names), one entry per line with their sources.
//!
//! Also read: abbreviated positions (`Phó TGĐ`, `HLV`, REFERENCE §7); a foreign name after any
//! position when every syllable is spelled unlike Vietnamese (`HLV Jurgen Klopp`, `… Nhà Trắng
//! Matt Pottinger`) and none is an organization word (`Man Utd`, `Super League`, from
//! `data/officials/foreign_org_words.tsv`); titles, a comma, then the name (`Phó Chủ tịch Man Utd,
//! Ed Woodward`); an aside in parentheses between a name and its titles (`Tên (bên trái), Chủ tịch
//! …`); a two-syllable name after a complete organization (`Bộ trưởng Bộ Công an Tô Lâm`) when
//! the document also writes it after an honorific (`ông Tô Lâm`), which a place (`Hà Tiên`) never
//! is. Owners (`đồng sở hữu`, `chủ sở hữu`, `ông chủ`) are counted as positions: in business and
//! sports news they name the person who controls the organization, as a chairman does.
//!
//! Job nouns (`giáo viên`, `giảng viên`, `công chức`, kind `job` in `titles.tsv`) are counted
//! as positions only together with a named organization, written capitalized right after them or
//! after their specialty and a comma or dash (`giáo viên Trường THPT Thạch Thành 1`, `Công chức
//! Tư pháp - Hộ tịch cấp xã, UBND thị trấn …`): the GUIDELINE counts "a position or title in an
//! organization (… school, hospital …)", and a teacher of a named school holds one; a job noun
//! alone (`giáo viên dạy giỏi`, `viên chức`) names no position. A profession or degree written
//! between the name and the position (`Bác sĩ y khoa, Phó giám đốc …`, `Thạc sĩ, Trưởng phòng
//! …`) is skipped. Status prefixes (`nguyên`, `tân`, `quyền`) start a position only before a
//! position word: alone they are given names (`Lại Thế Nguyên`, `Trần Văn Tân`). A position whose
//! first two syllables a typing slip glued together (`Chủtịch UBND`) is read as written. A foreign
//! name may be followed by its position, current or former, in parentheses (`Joel Glazer (từng
//! giữ chức phó Chủ tịch European Super League)`).
//!
//! Names joined by `và` (and commas) after one position each hold it, and the title keeps only
//! the position (`hai trợ lý Ryan Mason và Chris Powell`; after a counted position `ba phó giám
//! đốc A, B và C`). A position may name its organization after `của` (`Chủ tịch của Real Madrid,
//! Florentino Perez`), unless another position follows (`trợ lý của HLV …`). A position, `là`,
//! then the name (`phó chủ tịch là Andrea Agnelli (chủ tịch của Juventus)`) gives the name that
//! position and the one in brackets after it. Korean names (`Lee Kun-hee`, `Moon Jae-in`: a
//! hyphenated given name written `Xxx-xxx`) are foreign names; `Cố` (the late) before a position
//! is not part of it. A coach named by surname alone (`HLV Mourinho`) is an official when the
//! document also writes the full name after a foreign given name (`Jose Mourinho`): a club after
//! `HLV` (`HLV Tottenham`) never is.
//!
//! # Titles, names, merging (issue #14)
//!
//! - A title is a phrase with a grammar: prefixes and a position word, then the organization
//!   (organization words, the proper name written after them, `của` + the organization it
//!   belongs to), then the place (an administrative unit and its name, a province, a country);
//!   it ends where the organization ends (`Bí thư Tỉnh ủy` in `Bí thư Tỉnh ủy thay mặt Ban
//!   Thường vụ báo cáo`), and goes on after a comma only with a list closed by `và` or `của`
//!   (`Ủy ban Văn hóa, Giáo dục của Quốc hội`), the organization a unit belongs to (`Phó Ban
//!   nghiên cứu và đào tạo, Hội Luật gia Việt Nam`) or a place (`…, huyện Sìn Hồ`). Each title
//!   is also split into a [`Position`]: position, organisation, place.
//! - Titles shared by several persons: a plural word, titles and a colon before a list of names
//!   (`các đồng chí Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng: A, B và C`), or two persons
//!   joined by `và` with the titles after a dash (`đồng chí A và đồng chí B (…) - Ủy viên …`).
//! - A person's mentions are merged by the name's lookup key (case and tone placement aside);
//!   a title the official holds already (the same position alone, with less of its
//!   organisation, with a common noun for it, `tân` = newly appointed) is not added twice; a
//!   sentence about a title's one holder (`Tân Phó Trưởng Ban … là …`) adds to that official.
//! - Names are read by their shape too: two syllables right after a position (`Tổng Bí thư Tô
//!   Lâm`), a middle name second whatever the family name (`Sèn A Tủa`, `Hờ Seo Dín`), the
//!   prefix of Ê Đê names (`Y Bhin Niê`, `H'Hen Niê`), after a title, a dash and an honorific
//!   (`Chủ tịch UBND tỉnh Yên Bái - ông Trần Huy Tuấn`); text in capitals is read
//!   case-insensitively (`BỘ TRƯỞNG BỘ NỘI VỤ PHẠM THỊ THANH TRÀ`), the name reported as written.
//! - A line break inside a name or a title reads as a space where the sentence goes on
//!   (hard-wrapped documents, a next line in lower case, a name cut by the break: `Phó Thủ
//!   tướng Hoàng Trung` / `Hải về việc …`); the name and titles are reported with a space there.
//!
//! # How it reads a document
//!
//! The recogniser reads the shared [`Document`]: its tokens grouped into words (`words`: `H'Hen`,
//! `Kun-hee` are one word, and the marks between words are separators), the lexicon hits of
//! `data/officials/` (titles, organization words, places, family names, honorifics, ranks, cue
//! words), and its lines and cells for signature blocks. Spelling questions (is `Phankham`
//! spelled like a Vietnamese syllable?) go to [`crate::syllable::fits_shape`]. The scan is one
//! left-to-right pass over the words; every look-ahead is bounded by a constant, and the names a
//! document confirms elsewhere (`ông Tô Lâm`) are collected once, so the time is linear in the
//! input.

mod scan;
mod signature;
mod words;

use std::collections::HashMap;

use crate::document::Document;
use crate::extract::{Extractor, Facts};
use crate::lexicon::{Lex, Lexicons};
use scan::{Recurring, Scanner};
use words::Words;

/// An official found in a text: a person named together with a position.
///
/// ```
/// use vntext::extract::officials::find_officials;
/// let o = &find_officials("Phó Thủ tướng Vũ Đức Đam dự hội nghị.")[0];
/// assert_eq!(o.name, "Vũ Đức Đam");
/// assert_eq!(o.titles, ["Phó Thủ tướng"]);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Official {
    /// The text of the first mention, as written.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The personal name as written (`Hoàng Thọ Trung`); a line break inside it (hard-wrapped
    /// text) is read as a space.
    pub name: String,
    /// Byte span of the name in the text (first mention).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub name_span: crate::Span,
    /// The honorific (`Đồng chí`, `ông`, `bà`, `đ/c`), kept apart from the name.
    pub honorific: Option<String>,
    /// Academic or military rank (`PGS.TS`, `Đại tá`), kept apart from the titles.
    pub rank: Option<String>,
    /// Positions as written, with their organization (`Bí thư Huyện ủy`).
    pub titles: Vec<String>,
    /// The same positions split into their parts: position, organisation, place.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Vec::is_empty", default)
    )]
    pub positions: Vec<Position>,
}

/// One position an official holds, split into its parts (chức vụ · cơ quan · địa bàn).
///
/// ```
/// use vntext::extract::officials::find_officials;
/// let o = &find_officials("Chủ tịch UBND tỉnh Lai Châu Trần Tiến Dũng phát biểu.")[0];
/// let p = &o.positions[0];
/// assert_eq!(p.title, "Chủ tịch UBND tỉnh Lai Châu");
/// assert_eq!(p.position, "Chủ tịch");
/// assert_eq!(p.organisation.as_deref(), Some("UBND"));
/// assert_eq!(p.place.as_deref(), Some("tỉnh Lai Châu"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Position {
    /// The title as written, the same text as in [`Official::titles`].
    pub title: String,
    /// The position word with its prefixes (`Phó Chủ tịch`, `nguyên Bộ trưởng`, `THỨ TRƯỞNG`).
    pub position: String,
    /// The organisation (`UBND`, `Bộ Tư pháp`, `Hội Liên hiệp Phụ nữ`), when written.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub organisation: Option<String>,
    /// The place the organisation serves (`tỉnh Lai Châu`, `huyện Sìn Hồ`, `Mỹ`), when written.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub place: Option<String>,
}

/// One mention before merging: byte spans into the text.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub name: (usize, usize),
    pub honorific: Option<(usize, usize)>,
    pub rank: Option<(usize, usize)>,
    pub titles: Vec<TitleSpan>,
}

/// A title of a mention: its bytes, where its position word ends and where its place starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TitleSpan {
    pub start: usize,
    pub end: usize,
    /// One past the position word and its prefixes (`Phó Chủ tịch`).
    pub position_end: usize,
    /// First byte of the organization (after `của` when the title links it so).
    pub org_start: usize,
    /// First byte of the place ending the title (`tỉnh Lai Châu`), if any.
    pub place_start: Option<usize>,
}

impl TitleSpan {
    /// The title split into its parts.
    fn position(&self, text: &str) -> Position {
        let slice = |a: usize, b: usize| unwrap_lines(text.get(a..b).unwrap_or("").trim());
        let pe = self.position_end.clamp(self.start, self.end);
        let ps = self.place_start.map_or(self.end, |p| p.clamp(pe, self.end));
        let os = self.org_start.clamp(pe, ps);
        let organisation = slice(os, ps);
        let organisation = organisation
            .trim_matches(|c: char| c == ',' || c == '-' || c.is_whitespace())
            .to_string();
        let place = slice(ps, self.end);
        Position {
            title: slice(self.start, self.end),
            position: slice(self.start, pe),
            organisation: (!organisation.is_empty()).then_some(organisation),
            place: (!place.is_empty()).then_some(place),
        }
    }
}

/// Finds the officials in `text`, merged by person (one item per name, first mention's span).
///
/// ```
/// use vntext::extract::officials::find_officials;
/// let found = find_officials("Đồng chí Hoàng Thọ Trung - Tỉnh ủy viên, Bí thư Huyện ủy gặp gỡ người dân.");
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].name, "Hoàng Thọ Trung");
/// assert_eq!(found[0].honorific.as_deref(), Some("Đồng chí"));
/// assert_eq!(found[0].titles, ["Tỉnh ủy viên", "Bí thư Huyện ủy"]);
/// assert!(find_officials("anh Nguyễn Văn A, 35 tuổi, cho biết.").is_empty());
/// ```
pub fn find_officials(text: &str) -> Vec<Official> {
    let doc = Document::new(text);
    let mut facts = Facts::default();
    crate::extract::Officials.extract(&doc, &mut facts);
    // Spans index the normalized text: map them to the caller's text.
    for o in &mut facts.officials {
        o.name_span = doc.to_original(o.name_span);
        o.name = unwrap_lines(o.name_span.slice(text));
        let all = doc.to_original(crate::Span::new(o.start, o.end));
        (o.start, o.end) = (all.start, all.end);
        o.text = all.slice(text).to_string();
    }
    facts.officials
}

/// The officials extractor's work: the running text, then the signature blocks, merged by person.
pub(crate) fn extract(doc: &Document<'_>, facts: &mut Facts) {
    let words = Words::new(doc);
    let rec = Recurring::new(&words);
    let mut mentions = Vec::new();
    let mut short = Vec::new();
    let mut refs = Vec::new();
    Scanner {
        t: &words,
        out: &mut mentions,
        short: &mut short,
        refs: &mut refs,
        rec: &rec,
    }
    .run();
    signature::scan(doc, &mut mentions);
    let text = doc.text();
    let lex = doc.lexicons();
    let mut found = merge(text, lex, mentions);
    merge_short(text, lex, &short, &mut found);
    merge_refs(text, lex, &refs, &mut found);
    facts.officials.extend(found);
}

/// A later mention by given name only (`Ông Tâm là đại biểu Quốc hội khóa XIII`): the given
/// name's span and the titles written with it.
#[derive(Debug, Clone)]
pub(crate) struct Short {
    pub(crate) given: (usize, usize),
    pub(crate) titles: Vec<TitleSpan>,
}

/// A sentence about the holder of a title (`Tân Phó Trưởng Ban Tuyên giáo Trung ương là Ủy viên
/// …`): the title named and the titles the sentence gives.
#[derive(Debug, Clone)]
pub(crate) struct TitleRef {
    pub(crate) subject: TitleSpan,
    pub(crate) titles: Vec<TitleSpan>,
}

/// Adds the titles of sentences about a title's holder to the one official holding that title
/// (compared as merged titles are: `tân Phó Ban` is `Phó Trưởng Ban`); a title held by several
/// officials, or by none, is ignored.
fn merge_refs(text: &str, lex: &Lexicons, refs: &[TitleRef], found: &mut [Official]) {
    for r in refs {
        let subject = TitleKey::of(lex, &r.subject.position(text));
        if subject.rest.is_empty() {
            continue;
        }
        let mut owners = found.iter().enumerate().filter(|(_, o)| {
            o.start < r.subject.start
                && o.positions.iter().any(|p| {
                    let k = TitleKey::of(lex, p);
                    k.position == subject.position && k.rest == subject.rest
                })
        });
        let (Some((k, _)), None) = (owners.next(), owners.next()) else {
            continue;
        };
        for ti in &r.titles {
            found[k].add(lex, ti.position(text));
        }
    }
}

/// Adds the titles of short mentions to the one official whose name ends with that given name
/// (tên); a given name shared by several officials is ambiguous and ignored.
fn merge_short(text: &str, lex: &Lexicons, short: &[Short], found: &mut [Official]) {
    for sm in short {
        let Some(given) = text.get(sm.given.0..sm.given.1) else {
            continue;
        };
        let mut owners = found.iter().enumerate().filter(|(_, o)| {
            o.start < sm.given.0
                && o.name
                    .strip_suffix(given)
                    .is_some_and(|head| head.ends_with(' '))
        });
        let (Some((k, _)), None) = (owners.next(), owners.next()) else {
            continue;
        };
        for ti in &sm.titles {
            found[k].add(lex, ti.position(text));
        }
    }
}

/// Merges the mentions of one person (the same name, whatever its case or tone placement:
/// `PHẠM THỊ THANH TRÀ` in a headline and `Phạm Thị Thanh Trà` in the text) into one official,
/// the first mention's span and name, unless that name is in capitals and a later one is not.
fn merge(text: &str, lex: &Lexicons, mut mentions: Vec<Mention>) -> Vec<Official> {
    mentions.sort_by_key(|m| (m.start, m.end));
    let mut out: Vec<Official> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let slice = |(a, b): (usize, usize)| text.get(a..b).unwrap_or("").to_string();
    for m in mentions {
        let Some(name) = text.get(m.name.0..m.name.1) else {
            continue;
        };
        let key = words_key(name);
        let k = match by_name.get(&key) {
            Some(&k) => {
                let o = &mut out[k];
                if o.honorific.is_none() {
                    o.honorific = m.honorific.map(slice);
                }
                if o.rank.is_none() {
                    o.rank = m.rank.map(slice);
                }
                // A name first read in capitals (a headline, a signature) is reported as the
                // text writes it in lower case.
                if !has_lower(&o.name) && has_lower(name) {
                    o.name = unwrap_lines(name);
                    o.name_span = crate::Span::new(m.name.0, m.name.1);
                    o.text = slice((m.start, m.end));
                    (o.start, o.end) = (m.start, m.end);
                }
                k
            }
            None => {
                by_name.insert(key, out.len());
                out.push(Official {
                    text: slice((m.start, m.end)),
                    start: m.start,
                    end: m.end,
                    name: unwrap_lines(name),
                    name_span: crate::Span::new(m.name.0, m.name.1),
                    honorific: m.honorific.map(slice),
                    rank: m.rank.map(slice),
                    titles: Vec::new(),
                    positions: Vec::new(),
                });
                out.len() - 1
            }
        };
        for ti in &m.titles {
            out[k].add(lex, ti.position(text));
        }
    }
    out
}

/// A name or title as written, a line break inside it (hard-wrapped text: `Hoàng Trung` /
/// `Hải`) read as one space.
///
/// ```
/// use vntext::extract::officials::unwrap_lines;
/// assert_eq!(unwrap_lines("Hoàng Trung\r\n  Hải"), "Hoàng Trung Hải");
/// assert_eq!(unwrap_lines("Lê  Văn A"), "Lê  Văn A");
/// ```
pub fn unwrap_lines(s: &str) -> String {
    if !s.contains(['\n', '\r']) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find(['\n', '\r']) {
        let head = rest[..p].trim_end();
        out.push_str(head);
        out.push(' ');
        rest = rest[p..].trim_start();
    }
    out.push_str(rest);
    out
}

/// Whether a text has a lower-case letter.
fn has_lower(s: &str) -> bool {
    s.chars().any(char::is_lowercase)
}

/// The lookup key of a phrase (lower case, one tone placement, one space between words).
fn words_key(s: &str) -> String {
    crate::lexicon::phrase_key(s)
        .map(|k| k.0)
        .unwrap_or_default()
}

/// How two titles of one person are compared: the position (without `tân`, newly appointed, and
/// in the form `titles.tsv` says is the same: `phó ban` is `phó trưởng ban`) and the rest
/// (organisation and place).
struct TitleKey {
    position: String,
    rest: String,
    /// The organisation is a name (`LienVietPostBank`).
    named: bool,
    /// The organisation is a common noun for one (`ngân hàng`, `công ty`: an organization
    /// word in lower case and nothing capitalized).
    generic: bool,
}

impl TitleKey {
    fn of(lex: &Lexicons, p: &Position) -> TitleKey {
        let key = words_key(&p.position);
        let mut words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        while words.len() > 1
            && lex
                .get(Lex::Title, words[0])
                .is_some_and(|e| e.kind() == Some("prefix") && e.col(2) == "none")
        {
            words.remove(0);
        }
        let bare = words.join(" ");
        let position = match lex.get(Lex::Title, &bare).map(|e| e.col(2)) {
            Some(same) if !same.is_empty() => same.to_string(),
            _ => bare,
        };
        let org = p.organisation.as_deref().unwrap_or("");
        let rest = [org, p.place.as_deref().unwrap_or("")].join(" ");
        let named = org.chars().any(char::is_uppercase);
        let org_key = words_key(org);
        let words: Vec<&str> = org_key.split(' ').collect();
        let generic = !named
            && (1..=words.len().min(3)).any(|n| {
                lex.get(Lex::OrgWord, &words[..n].join(" "))
                    .is_some_and(|e| e.kind() == Some("head"))
            });
        TitleKey {
            position,
            rest: words_key(&rest),
            named,
            generic,
        }
    }
}

/// Whether the position `longer`, whose organisation and place extend the key `shorter`, adds
/// more of an organisation or a place: a capitalized word, a number, or words of
/// `org_words.tsv` (`nước`, `ngân hàng`, `huyện`); or anything after a bare position.
fn names_more(lex: &Lexicons, longer: &Position, shorter: &str) -> bool {
    let skip = shorter.split(' ').filter(|w| !w.is_empty()).count();
    // After the bare position, lower-case words name its kind (`Trợ lý ngôn ngữ`, `HLV trẻ`).
    if skip == 0 {
        return true;
    }
    let org = longer.organisation.as_deref().unwrap_or("");
    let place = longer.place.as_deref().unwrap_or("");
    let added: Vec<&str> = org
        .split_whitespace()
        .chain(place.split_whitespace())
        .skip(skip)
        .collect();
    if added
        .iter()
        .any(|w| w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()))
    {
        return true;
    }
    let key = words_key(&added.join(" "));
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    (1..=words.len().min(3)).any(|n| lex.get(Lex::OrgWord, &words[..n].join(" ")).is_some())
}

impl Official {
    /// Adds a position unless the official already holds it: the same title whatever its case
    /// or tone placement; the same position alone (`Chủ tịch` after `Chủ tịch Ủy ban Trung ương
    /// MTTQ`), or with less of its organisation (`Trưởng ban Đào tạo` beside `Trưởng ban Đào
    /// tạo, ĐH QGHN`), or with a common noun for it (`Tổng Giám đốc ngân hàng` beside `Tổng Giám
    /// đốc LienVietPostBank`): the more complete title is kept, where the first was.
    fn add(&mut self, lex: &Lexicons, p: Position) {
        if p.title.is_empty() {
            return;
        }
        let k = TitleKey::of(lex, &p);
        for i in 0..self.positions.len() {
            let q = TitleKey::of(lex, &self.positions[i]);
            if q.position != k.position {
                continue;
            }
            let extends = |a: &str, b: &str| {
                a.is_empty() || b.strip_prefix(a).is_some_and(|r| r.starts_with(' '))
            };
            // Of two titles one of which extends the other, the longer is kept when what it adds
            // names more of the organisation or its place (`Thứ trưởng` → `Thứ trưởng Bộ Công
            // an`), the shorter, which ends at its organisation, when the longer adds words of
            // the sentence after it (`… Bộ Công an mong muốn`).
            let replace = if q.rest == k.rest {
                false
            } else if extends(&k.rest, &q.rest) {
                !names_more(lex, &self.positions[i], &k.rest)
            } else if extends(&q.rest, &k.rest) {
                names_more(lex, &p, &q.rest)
            } else if k.named && q.generic {
                true
            } else if q.named && k.generic {
                false
            } else {
                continue;
            };
            if replace {
                self.titles[i] = p.title.clone();
                self.positions[i] = p;
            }
            return;
        }
        self.titles.push(p.title.clone());
        self.positions.push(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        find_officials(s).into_iter().map(|o| o.name).collect()
    }

    #[test]
    fn title_before_name() {
        let o = find_officials("Chủ tịch UBND tỉnh Lai Châu Trần Tiến Dũng phát biểu.");
        assert_eq!(o[0].name, "Trần Tiến Dũng");
        assert_eq!(o[0].titles, ["Chủ tịch UBND tỉnh Lai Châu"]);
        assert_eq!(
            names("Bộ trưởng Bộ Tư pháp Lê Thành Long cho biết"),
            ["Lê Thành Long"]
        );
        assert_eq!(
            names("Chủ tịch Quốc hội Nguyễn Thị Kim Ngân"),
            ["Nguyễn Thị Kim Ngân"]
        );
    }

    #[test]
    fn places_are_not_persons() {
        assert!(names("Bí thư Huyện ủy Sìn Hồ đến dự").is_empty());
        assert!(names("Chủ tịch UBND tỉnh Lai Châu ký").is_empty());
        assert!(names("Giám đốc Bệnh viện Bạch Mai cho biết").is_empty());
    }

    #[test]
    fn foreign_names() {
        assert_eq!(
            names("Thủ tướng Lào Phankham Viphavanh"),
            ["Phankham Viphavanh"]
        );
        assert_eq!(names("Tổng thống Mỹ Joe Biden"), ["Joe Biden"]);
    }

    #[test]
    fn chain_before_name() {
        let o = find_officials("Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng");
        assert_eq!(o[0].titles, ["Tổng Bí thư", "Chủ tịch nước"]);
    }
}
