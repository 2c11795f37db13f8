//! The core's rooms stand in layers: a module uses only modules below it, never one beside or
//! above it, so no import circle can form. The check reads the `crate::…` paths of the code
//! (comments and doc links left out) of every file under `src/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every top-level module with its layer, the ground first.
const LAYERS: &[(&str, u8)] = &[
    ("model", 0),
    ("paths", 0),
    ("error", 1),
    ("reference", 1),
    ("wording", 1),
    ("text", 2),
    ("sheet", 2),
    ("validate", 3),
    ("pdf", 3),
    ("store", 4),
    ("interchange", 5),
    ("files", 5),
    ("export", 6),
    ("notice", 7),
    ("checks", 8),
    ("documents", 9),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules a file names as `crate::module`, outside comments.
fn uses(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy().trim_end_matches(".rs").to_owned();
        if module == "lib" {
            continue;
        }
        let own = layer(&module)
            .unwrap_or_else(|| panic!("{module} is not in LAYERS: give it its layer"));
        for used in uses(&std::fs::read_to_string(file).unwrap()) {
            if used == module || used.is_empty() {
                continue;
            }
            // `crate::Error`, `crate::Result`, `crate::Store` are the crate root's re-exports of
            // the error and store modules.
            let target = match used.as_str() {
                "Error" | "Result" => "error",
                "Store" => "store",
                other => other,
            };
            checked += 1;
            match layer(target) {
                Some(l) if l < own => {}
                _ => wrong.push(format!("{} uses crate::{used}", relative.display())),
            }
        }
    }
    assert!(
        checked > 50,
        "the scan read the modules' imports ({checked})"
    );
    assert!(
        wrong.is_empty(),
        "imports that run sideways or up: {wrong:#?}"
    );
}
