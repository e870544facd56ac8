//! The JSON report follows the contract in the design (field names and types that other code,
//! and the scorer, rely on).
use serde_json::Value;

#[test]
fn report_json_has_the_contract_fields() {
    let text = "Kết luận số 69-KL/TU, ngày 09/4/2021. Tỷ lệ người dân tộc thiểu số chiếm 94%. \
                Thu nhập bình quân đầu người ước đạt 32,5 triệu đồng/năm.";
    let mut report = vntext::analyze(text);
    report.source = Some("x/input.txt".into());
    let v: Value = serde_json::to_value(&report).unwrap();
    assert_eq!(v["source"], "x/input.txt");
    assert_eq!(v["encoding"], "utf-8");
    for k in [
        "bytes",
        "chars",
        "syllables",
        "valid_syllables",
        "sentences",
        "tokens",
    ] {
        assert!(v["counts"][k].is_u64(), "counts.{k}");
    }
    assert_eq!(v["counts"]["bytes"], text.len());
    for k in [
        "document_numbers",
        "dates",
        "officials",
        "statistics",
        "ethnic_groups",
        "chrome",
    ] {
        assert!(v[k].is_array(), "{k} must be a list");
    }
    for k in ["title", "published", "author"] {
        assert!(
            v.get(k).is_some(),
            "{k} must be present (null when unknown)"
        );
    }
    let d = &v["document_numbers"][0];
    for k in [
        "text",
        "start",
        "end",
        "number",
        "year",
        "doc_type",
        "doc_type_name",
        "issuer",
        "system",
    ] {
        assert!(d.get(k).is_some(), "document_numbers[].{k}");
    }
    assert_eq!(d["system"], "party");
    let date = &v["dates"][0];
    assert_eq!(date["kind"], "day");
    assert_eq!(date["value"], "2021-04-09");
    let pct = v["statistics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "percentage")
        .unwrap();
    assert_eq!(pct["value"], 94.0);
    let money = v["statistics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "money")
        .unwrap();
    assert_eq!(money["currency"], "VND");
    assert_eq!(money["value"], 32_500_000.0);
    assert_eq!(money["per"], "năm");
}
