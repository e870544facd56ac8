//! Families of adversarial inputs: texts that make a scanner, a recogniser or an extractor do
//! the most work per byte, built at any size so that the cost of 1× and 4× can be compared
//! (`tests/linear.rs`, the `adversarial` group of `benches/throughput.rs`).
//!
//! A family is a shape and its pieces: a unit repeated (`ViệtViệtViệt…`, `ngày 1/ngày 1/…`),
//! a prefix then a repeated unit (a URL with a huge path), or brackets nested `k` deep. Each
//! family is named `group/what` so that a failure says which input grew super-linearly.
//!
//! Groups:
//! - `glued`: syllables glued with no space, in every case (lower, capitalised, capitals, mixed)
//!   and script mix (ASCII, Vietnamese letters, NFD combining marks, soft hyphens, the `Ð`
//!   look-alike, CJK, Greek, Cyrillic, digits), the family of issue #15 (`ViệtViệt…`).
//! - `run`: long runs of one token kind: numbers, dates, times, document codes, percentages,
//!   currency, URLs, e-mails, hashtags, punctuation, emoji, combining marks, controls, U+FFFD,
//!   every kind of whitespace.
//! - `nest`: brackets and quotes nested or left open.
//! - `line`: real-looking sentences on one huge line, or on many short ones.
//! - `cue`: the words the extractors start from (`ngày`, `Số:`, `ông`, `tỷ lệ`, `giai đoạn`,
//!   titles, honorifics), repeated with nothing for them to find, or with something each time.
//! - `name`: runs of capitalised words (names, places, titles) with and without separators.
#![allow(dead_code)] // each test binary uses what it needs

/// How a family's text is built.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// `unit` repeated.
    Repeat(&'static str),
    /// `head`, then `unit` repeated.
    After(&'static str, &'static str),
    /// `open` repeated `k` times, then `close` repeated `k` times (`((((…))))`).
    Nested(&'static str, &'static str),
}

/// One family of adversarial inputs.
#[derive(Debug, Clone, Copy)]
pub struct Family {
    /// `group/what`, e.g. `glued/Việt`.
    pub name: &'static str,
    /// How the text is built.
    pub shape: Shape,
}

impl Family {
    /// A text of this family of at least `bytes` bytes (whole units, so at most one unit more).
    pub fn make(&self, bytes: usize) -> String {
        match self.shape {
            Shape::Repeat(unit) => repeat_to(unit, bytes),
            Shape::After(head, unit) => {
                let mut s = String::from(head);
                s.push_str(&repeat_to(unit, bytes.saturating_sub(head.len())));
                s
            }
            Shape::Nested(open, close) => {
                let k = bytes.div_ceil(open.len() + close.len()).max(1);
                let mut s = open.repeat(k);
                s.push_str(&close.repeat(k));
                s
            }
        }
    }

    /// The group (the part of the name before `/`).
    pub fn group(&self) -> &'static str {
        self.name.split('/').next().unwrap_or(self.name)
    }
}

/// `unit` repeated until the text holds at least `bytes` bytes.
pub fn repeat_to(unit: &str, bytes: usize) -> String {
    if unit.is_empty() {
        return String::new();
    }
    unit.repeat(bytes.div_ceil(unit.len()).max(1))
}

macro_rules! families {
    ($($name:literal => $shape:expr),* $(,)?) => {
        &[$(Family { name: $name, shape: $shape }),*]
    };
}

use Shape::{After, Nested, Repeat};

/// Every family.
pub const FAMILIES: &[Family] = families![
    // ---- glued syllables: every case, every script mix ----
    "glued/Việt" => Repeat("Việt"),
    "glued/việt" => Repeat("việt"),
    "glued/VIỆT" => Repeat("VIỆT"),
    "glued/Viet" => Repeat("Viet"),
    "glued/viet" => Repeat("viet"),
    "glued/VIET" => Repeat("VIET"),
    "glued/Hà" => Repeat("Hà"),
    "glued/Số" => Repeat("Số"),
    "glued/Sìn" => Repeat("Sìn"),
    "glued/Đà" => Repeat("Đà"),
    "glued/Ðà (U+00D0)" => Repeat("Ðà"),
    "glued/Việtviệt" => Repeat("Việtviệt"),
    "glued/việtViệt" => Repeat("việtViệt"),
    "glued/ViệtVIỆT" => Repeat("ViệtVIỆT"),
    "glued/VIỆTviệt" => Repeat("VIỆTviệt"),
    "glued/vIỆt" => Repeat("vIỆt"),
    "glued/Chủtịch" => Repeat("Chủtịch"),
    "glued/tỷđồng" => Repeat("tỷđồng"),
    "glued/ViệtNam" => Repeat("ViệtNam"),
    "glued/HàNội" => Repeat("HàNội"),
    "glued/NguyễnVănAn" => Repeat("NguyễnVănAn"),
    "glued/vớiSARS" => Repeat("vớiSARS"),
    "glued/HĐNDViệt" => Repeat("HĐNDViệt"),
    "glued/UBND" => Repeat("UBND"),
    "glued/HĐND" => Repeat("HĐND"),
    "glued/TU" => Repeat("TU"),
    "glued/iPhone" => Repeat("iPhone"),
    "glued/Covid" => Repeat("Covid"),
    "glued/Vie+NFD" => Repeat("Vie\u{323}\u{302}t"),
    "glued/Việt+mark" => Repeat("Việt\u{301}"),
    "glued/Việt+shy" => Repeat("Việt\u{AD}"),
    "glued/Việt中" => Repeat("Việt中"),
    "glued/中文" => Repeat("中文"),
    "glued/ViệtΑθ" => Repeat("ViệtΑθ"),
    "glued/ViệtМос" => Repeat("ViệtМос"),
    "glued/Việt1" => Repeat("Việt1"),
    "glued/1Việt" => Repeat("1Việt"),
    "glued/năm1998" => Repeat("năm1998"),
    "glued/A1" => Repeat("A1"),
    "glued/NHNN14" => Repeat("NHNN14"),
    "glued/Việt_" => Repeat("Việt_"),
    "glued/Việt'" => Repeat("Việt'"),
    "glued/H'Mông" => Repeat("H'Mông"),
    "glued/Ê-đê-" => Repeat("Ê-đê-"),
    "glued/Việt-" => Repeat("Việt-"),
    "glued/Việt/" => Repeat("Việt/"),
    "glued/Việt." => Repeat("Việt."),
    "glued/Việt&" => Repeat("Việt&"),
    "glued/Việt@" => Repeat("Việt@"),
    "glued/TP." => Repeat("TP."),
    "glued/a." => Repeat("a."),
    "glued/v.v." => Repeat("v.v."),
    "glued/Th.S" => Repeat("Th.S"),
    "glued/QĐ-" => Repeat("QĐ-"),
    "glued/KT-XH-" => Repeat("KT-XH-"),
    "glued/TẾ-XÃ-" => Repeat("TẾ-XÃ-"),
    "word/one ASCII word" => Repeat("a"),
    "word/one Vietnamese word" => Repeat("ệ"),
    "word/one capital word" => Repeat("Ệ"),
    // ---- long runs of one token kind ----
    "run/digits" => Repeat("1234567890"),
    "run/1." => Repeat("1."),
    "run/1," => Repeat("1,"),
    "run/1.234," => Repeat("1.234,"),
    "run/1 (numbers)" => Repeat("1 "),
    "run/1/" => Repeat("1/"),
    "run/1-" => Repeat("1-"),
    "run/1-1-" => Repeat("1-1-"),
    "run/1/1/2021" => Repeat("1/1/2021"),
    "run/1/1/2021 " => Repeat("1/1/2021 "),
    "run/27-28/7/" => Repeat("27-28/7/"),
    "run/09:17:" => Repeat("09:17:"),
    "run/18h30" => Repeat("18h30"),
    "run/1 /" => Repeat("1 /"),
    "run/69-KL/TU " => Repeat("69-KL/TU "),
    "run/1-A/" => Repeat("1-A/"),
    "run/code chain" => After("69", "-KL/TU"),
    "run/QĐ/UBND chain" => After("QĐ", "/UBND"),
    "run/1 TC/" => Repeat("1 TC/"),
    "run/1%" => Repeat("1%"),
    "run/1% " => Repeat("1% "),
    "run/14,7 %" => Repeat("14,7 % "),
    "run/5‰" => Repeat("5‰"),
    "run/500đ" => Repeat("500đ"),
    "run/$1" => Repeat("$1"),
    "run/URL path" => After("http://a.vn/", "a"),
    "run/URL )" => After("http://a.vn/", ")"),
    "run/URL list" => Repeat("http://a.vn/x "),
    "run/www." => Repeat("www."),
    "run/a.vn." => Repeat("a.vn."),
    "run/domain labels" => After("a", ".b"),
    "run/a@" => Repeat("a@"),
    "run/a@b." => Repeat("a@b."),
    "run/local part" => After("", "a.b_"),
    "run/#tag" => Repeat("#a"),
    "run/#" => Repeat("#"),
    "run/@" => Repeat("@"),
    "run/." => Repeat("."),
    "run/. " => Repeat(". "),
    "run/./." => Repeat("./."),
    "run/…" => Repeat("…"),
    "run/-" => Repeat("-"),
    "run/– " => Repeat("– "),
    "run/!?" => Repeat("!?"),
    "run/:" => Repeat(":"),
    "run/; " => Repeat("; "),
    "run/😀" => Repeat("😀"),
    "run/😀+ZWJ" => Repeat("😀\u{200D}"),
    "run/👍🏽" => Repeat("👍🏽"),
    "run/🇻🇳" => Repeat("🇻🇳"),
    "run/combining" => Repeat("\u{301}"),
    "run/combining mix" => Repeat("\u{300}\u{323}\u{302}\u{309}"),
    "run/a+combining" => After("a", "\u{301}"),
    "run/soft hyphen" => Repeat("\u{AD}"),
    "run/U+FFFD" => Repeat("\u{FFFD}"),
    "run/NUL" => Repeat("\0"),
    "run/controls" => Repeat("\u{1}\u{2}"),
    "run/ZWJ" => Repeat("\u{200D}"),
    "run/ZWSP" => Repeat("\u{200B}"),
    "run/BOM" => Repeat("\u{FEFF}"),
    "run/spaces" => Repeat(" "),
    "run/NBSP" => Repeat("\u{A0}"),
    "run/newlines" => Repeat("\n"),
    "run/CRLF" => Repeat("\r\n"),
    "run/tabs" => Repeat("\t"),
    "run/NEL" => Repeat("\u{85}"),
    "run/LS" => Repeat("\u{2028}"),
    // ---- brackets and quotes ----
    "nest/()" => Nested("(", ")"),
    "nest/[(" => Nested("[(", ")]"),
    "nest/“”" => Nested("“", "”"),
    "nest/«»" => Nested("«", "»"),
    "nest/open (" => Repeat("("),
    "nest/close )" => Repeat(")"),
    "nest/open ( words" => Repeat("( Việt "),
    "nest/\"" => Repeat("\""),
    "nest/'" => Repeat("'"),
    "nest/(a" => Nested("(a ", ") "),
    "nest/5.000 đồng (" => Repeat("5.000 đồng ( "),
    // ---- one huge line, many lines ----
    "line/one line" => Repeat(
        "Chủ tịch UBND tỉnh Nguyễn Văn An ký Quyết định số 12/QĐ-UBND ngày 1/1/2021, \
         tỷ lệ hộ nghèo giảm 2,5% so với năm 2020, thu nhập đạt 32,5 triệu đồng/người/năm; ",
    ),
    "line/many lines" => Repeat(
        "Chủ tịch UBND tỉnh Nguyễn Văn An\nký Quyết định số 12/QĐ-UBND\nngày 1/1/2021,\n",
    ),
    "line/no sentence end" => Repeat("người dân tộc Mông ở Sìn Hồ "),
    "line/sentences" => Repeat("Sìn Hồ. "),
    // ---- cue words the extractors start from ----
    "cue/ngày" => Repeat("ngày "),
    "cue/ngày (glued)" => Repeat("ngày"),
    "cue/ngày 1/" => Repeat("ngày 1/"),
    "cue/ngày 1 tháng" => Repeat("ngày 1 tháng "),
    "cue/từ ngày đến" => Repeat("từ ngày 1/1 đến "),
    "cue/tháng" => Repeat("tháng "),
    "cue/năm" => Repeat("năm "),
    "cue/quý" => Repeat("quý "),
    "cue/giai đoạn" => Repeat("giai đoạn "),
    "cue/giai đoạn 2016 -" => Repeat("giai đoạn 2016 - "),
    "cue/nhiệm kỳ" => Repeat("nhiệm kỳ "),
    "cue/khóa" => Repeat("khóa "),
    "cue/Số:" => Repeat("Số: "),
    "cue/Số:\\n" => Repeat("Số:\n"),
    "cue/số" => Repeat("số "),
    "cue/Số: 12/QĐ-UBND" => Repeat("Số: 12/QĐ-UBND\n"),
    "cue/Nghị quyết số 01, " => After("các Nghị quyết số ", "01, "),
    "cue/Quyết định" => Repeat("Quyết định "),
    "cue/ông" => Repeat("ông "),
    "cue/Ông" => Repeat("Ông "),
    "cue/bà" => Repeat("bà "),
    "cue/đồng chí" => Repeat("đồng chí "),
    "cue/Đồng chí:" => Repeat("Đồng chí: "),
    "cue/Chủ tịch" => Repeat("Chủ tịch "),
    "cue/Phó" => Repeat("Phó "),
    "cue/Bí thư" => Repeat("Bí thư "),
    "cue/Bộ trưởng Bộ" => Repeat("Bộ trưởng Bộ "),
    "cue/KT. CHỦ TỊCH" => Repeat("KT. CHỦ TỊCH\n"),
    "cue/TM." => Repeat("TM. "),
    "cue/Nơi nhận:" => Repeat("Nơi nhận:\n- "),
    "cue/tỷ lệ" => Repeat("tỷ lệ "),
    "cue/chiếm" => Repeat("chiếm "),
    "cue/tăng" => Repeat("tăng "),
    "cue/so với" => Repeat("so với "),
    "cue/đạt" => Repeat("đạt "),
    "cue/triệu" => Repeat("triệu "),
    "cue/đồng" => Repeat("đồng "),
    "cue/1,5 triệu đồng" => Repeat("1,5 triệu đồng "),
    "cue/tăng 1,5% so với" => Repeat("tăng 1,5% so với "),
    "cue/hai mươi lăm vạn" => Repeat("hai mươi lăm vạn "),
    "cue/1/2" => Repeat("1/2 "),
    "cue/dân tộc" => Repeat("dân tộc "),
    "cue/Mông" => Repeat("Mông "),
    "cue/người" => Repeat("người "),
    "cue/Điều" => Repeat("Điều 1. "),
    "cue/lượt xem" => Repeat("lượt xem\n"),
    "cue/Trang chủ" => Repeat("Trang chủ\n"),
    // ---- capitalised runs ----
    "name/Nguyễn" => Repeat("Nguyễn "),
    "name/Nguyễn Văn An," => Repeat("Nguyễn Văn An, "),
    "name/HÀ NỘI" => Repeat("HÀ NỘI "),
    "name/Hà Nội" => Repeat("Hà Nội "),
    "name/Việt (spaced)" => Repeat("Việt "),
    "name/Ông Nguyễn Văn An, Chủ tịch UBND tỉnh," => Repeat("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh, "),
    "name/Phó Thủ tướng" => Repeat("Phó Thủ tướng Hoàng Trung Hải "),
    "name/titles" => Repeat("Nguyễn Văn Chủ Tịch Bộ Trưởng Lai Châu Hà Nội "),
    "name/Tỉnh ủy viên" => Repeat("Tỉnh ủy viên, Bí thư Huyện ủy "),
    "name/A." => Repeat("A. "),
];

/// The family named `name`.
pub fn family(name: &str) -> Option<&'static Family> {
    FAMILIES.iter().find(|f| f.name == name)
}
