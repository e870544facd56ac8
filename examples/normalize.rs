//! Normalization (chuẩn hóa) with the library: tone styles, folding, and the offset map that
//! ties the normalized text back to the caller's input.
//!
//! ```text
//! cargo run --example normalize -- "Thuỷ lợi  hoà bình"
//! ```
use vntext::normalize::{Normalizer, ToneStyle};

fn main() {
    let text = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "Đồng chí Thuỷ  hoà\u{a0}bình, khoẻ mạnh".to_string());

    let traditional = Normalizer::new(); // hòa, thủy: the default, as government portals write
    let modern = Normalizer::new().tone_style(ToneStyle::Modern); // hoà, thuỷ
    let folded = Normalizer::new().fold(true).lowercase(true); // search keys

    let n = traditional.normalize(&text);
    println!("input:       {text:?}");
    println!("traditional: {:?}", n.text);
    println!("modern:      {:?}", modern.normalize(&text).text);
    println!("folded:      {:?}", folded.normalize(&text).text);

    // Every byte range of the normalized text maps back to the input.
    if let Some(i) = n.text.find("hòa") {
        let back = n.to_original(i..i + "hòa".len());
        println!(
            "\"hòa\" at {i} in the output was {:?} in the input",
            &text[back]
        );
    }
}
