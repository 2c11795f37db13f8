//! Rebuild when a migration or a reference-data file changes (both are embedded).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=../../assets/reference");
    println!("cargo:rerun-if-changed=../../assets/notice");
}
