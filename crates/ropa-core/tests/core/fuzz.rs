//! Seeded mutation test of the importer: mutants of the fixtures (bytes flipped, inserted or
//! cut, control characters and huge strings put in, values swapped for other types, keys
//! dropped, ids duplicated) go through `Register::from_json_bytes` and `interchange::import`.
//! Every mutant must give `Ok` or a typed error — never a panic — and a failed import must
//! leave the register exactly as it was; some go through `create_from` into a real file, which
//! must not exist after an error.
//!
//! Bounded for the suite (`ROPA_FUZZ_COUNT`, default 4,000 mutants, about 20 s in a debug build here). A longer run:
//!
//! ```sh
//! ROPA_FUZZ_COUNT=200000 ROPA_FUZZ_SEED=12345 cargo test -p ropa-core --release --test core fuzz -- --nocapture
//! ```
//!
//! A failure prints the seed and the mutant's description; rerun with that seed to reproduce.

use crate::fixture_path;
use ropa_core::interchange::{self, Register};
use ropa_core::model::Organisation;
use ropa_core::{Error, Store};
use serde_json::Value;

/// xorshift64*: small, fast and reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const NASTY_TEXT: [&str; 8] = [
    "\u{1b}[2J",
    "\u{0}",
    "\u{202e}",
    "\u{200b}",
    "",
    "   ",
    "javascript:alert(1)//@x.com",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ שלום",
];

fn nasty_value(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => Value::from(i64::MAX),
        3 => Value::from(-1),
        4 => serde_json::json!(1.5e300),
        5 => Value::String("x".repeat(rng.below(40_000) + 1)),
        6 => serde_json::json!([]),
        7 => serde_json::json!({}),
        _ => Value::String(NASTY_TEXT[rng.below(NASTY_TEXT.len())].to_owned()),
    }
}

/// Every place in a JSON value, as a list of steps (object key or array index).
fn places(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(path.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                path.push(Step::Key(k.clone()));
                places(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(Step::Index(i));
                places(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn at<'a>(value: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(value, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// One mutant of `original` and what was done to it.
fn mutate(original: &[u8], doc: &Value, rng: &mut Rng) -> (Vec<u8>, String) {
    let mut bytes = original.to_vec();
    match rng.below(8) {
        0 => {
            let i = rng.below(bytes.len());
            bytes[i] ^= 1 << rng.below(8);
            (bytes, format!("bit flip at byte {i}"))
        }
        1 => {
            let i = rng.below(bytes.len());
            bytes.truncate(i);
            (bytes, format!("truncated to {i} bytes"))
        }
        2 => {
            let i = rng.below(bytes.len());
            let b = [0u8, 0x1b, 0xff, 0xc3, b'"', b'{', b']'][rng.below(7)];
            bytes.insert(i, b);
            (bytes, format!("byte {b:#04x} inserted at {i}"))
        }
        3 => {
            let i = rng.below(bytes.len());
            let n = rng.below(64).min(bytes.len() - i);
            bytes.drain(i..i + n);
            (bytes, format!("{n} bytes cut at {i}"))
        }
        _ => {
            let mut doc = doc.clone();
            let mut all = Vec::new();
            places(&doc, &mut Vec::new(), &mut all);
            let path = all[1 + rng.below(all.len() - 1)].clone();
            let what = match rng.below(4) {
                0 => {
                    let v = nasty_value(rng);
                    let shown: String = v.to_string().chars().take(40).collect();
                    *at(&mut doc, &path) = v;
                    format!("{path:?} := {shown}")
                }
                1 => {
                    let (last, parent) = path.split_last().unwrap();
                    match (at(&mut doc, parent), last) {
                        (Value::Object(map), Step::Key(k)) => {
                            map.remove(k);
                        }
                        (Value::Array(items), Step::Index(i)) => {
                            items.remove(*i);
                        }
                        _ => {}
                    }
                    format!("{path:?} removed")
                }
                2 => {
                    let (last, parent) = path.split_last().unwrap();
                    if let (Value::Array(items), Step::Index(i)) = (at(&mut doc, parent), last) {
                        let copy = items[*i].clone();
                        items.push(copy);
                    }
                    format!("{path:?} duplicated")
                }
                _ => {
                    let v = at(&mut doc, &path);
                    if let Value::String(s) = v {
                        let middle = (0..=s.len() / 2)
                            .rev()
                            .find(|i| s.is_char_boundary(*i))
                            .unwrap_or(0);
                        s.insert_str(middle, NASTY_TEXT[rng.below(3)]);
                    }
                    format!("{path:?} got a control character")
                }
            };
            (serde_json::to_vec(&doc).unwrap(), what)
        }
    }
}

/// The register's content, without the time it was exported.
fn content(store: &Store) -> Register {
    let mut doc = interchange::export(store).unwrap();
    doc.exported_at = None;
    doc.register_revision = None;
    doc
}

#[test]
fn fuzzed_imports_never_panic_and_fail_all_or_nothing() {
    let seed: u64 = std::env::var("ROPA_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_2026_1203);
    let count: usize = std::env::var("ROPA_FUZZ_COUNT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4_000);
    println!("fuzz: seed {seed}, {count} mutants (ROPA_FUZZ_SEED / ROPA_FUZZ_COUNT)");
    let mut rng = Rng(seed | 1);
    let originals: Vec<(Vec<u8>, Value)> = ["ntware.json", "otrs.json", "clean.json"]
        .iter()
        .map(|name| {
            let bytes = std::fs::read(fixture_path(name)).unwrap();
            let doc = serde_json::from_slice(&bytes).unwrap();
            (bytes, doc)
        })
        .collect();
    let mut baseline = Store::create_in_memory(&Organisation::new("Baseline")).unwrap();
    interchange::import(
        &mut baseline,
        &Register::from_json_bytes(&originals[2].0).unwrap(),
    )
    .unwrap();
    let before = content(&baseline);
    let dir = tempfile::tempdir().unwrap();
    let (mut accepted, mut refused) = (0, 0);
    for n in 0..count {
        let (bytes, doc) = &originals[rng.below(originals.len())];
        let (mutant, what) = mutate(bytes, doc, &mut rng);
        let fail = |msg: String| -> ! {
            panic!("fuzz seed {seed}, mutant {n} ({what}): {msg}");
        };
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let parsed = Register::from_json_bytes(&mutant)?;
            if n % 50 == 0 {
                let path = dir.path().join(format!("m{n}.ropa"));
                let created = interchange::create_from(&path, &parsed);
                if created.is_err() && path.exists() {
                    return Ok(Err("create_from failed but left a file".to_owned()));
                }
            }
            let result = interchange::import(&mut baseline, &parsed);
            Ok::<_, Error>(Ok(result))
        }));
        match outcome {
            Err(_) => fail("panicked".into()),
            Ok(Ok(Err(msg))) => fail(msg),
            Ok(Err(_)) => refused += 1,
            Ok(Ok(Ok(Err(_)))) => {
                refused += 1;
                if content(&baseline) != before {
                    fail("a failed import changed the register".into());
                }
            }
            Ok(Ok(Ok(Ok(())))) => {
                accepted += 1;
                // Accepted: back to the baseline for the next mutant.
                interchange::import(&mut baseline, &before).unwrap();
            }
        }
    }
    println!("fuzz: {accepted} accepted, {refused} refused with a typed error");
    assert!(
        refused > 0 && accepted > 0,
        "the mutants reach both outcomes"
    );
}
