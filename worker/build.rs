//! Renders the OpenAPI document of the contract (`api::openapi`) for
//! `GET /api/v1/openapi.json`, so that the schema code runs here, natively, and never ships
//! in the Worker's wasm.

fn main() {
    let out =
        std::path::Path::new(&std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("openapi.json");
    std::fs::write(out, api::openapi::json()).expect("writing openapi.json");
    println!("cargo::rerun-if-changed=build.rs");
}
