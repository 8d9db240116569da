//! The committed `include/ziggeo.h` must equal what cbindgen generates from
//! `src/ffi/` now; build.rs writes the fresh copy to `$OUT_DIR`.

#[test]
fn committed_header_matches_generated() {
    let generated = include_str!(env!("ZIGGEO_GENERATED_HEADER"));
    let committed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/include/ziggeo.h");
    let committed = std::fs::read_to_string(committed_path).expect("include/ziggeo.h is readable");

    assert!(
        committed == generated,
        "include/ziggeo.h differs from the header generated from src/ffi/; run `make header` and commit the result"
    );
}
