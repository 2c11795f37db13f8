//! Hostile e-mail addresses and URLs in a register (one written by an older version, or by
//! another tool straight into the SQLite file) never become links with another target than
//! `https:` or `mailto:` in any notice format.

use crate::fixture;
use ropa_core::model::*;
use ropa_core::notice::{self, Mode, NoticeOptions};
use ropa_core::{Store, interchange};

const HOSTILE: [&str; 6] = [
    "javascript:alert(1)//@x.com",
    "mailto:a@b.example>",
    "data:text/html,<script>alert(1)</script>",
    "https://ok.example/x) [y](javascript:z)",
    "JaVaScRiPt:alert(document.domain)//@x.com",
    "vbscript:msgbox(1)//@x.com",
];

fn notices_of(email: &str, url: &str) -> Vec<(String, String)> {
    let mut store = Store::create_in_memory(&Organisation::new("Beispiel GmbH")).unwrap();
    interchange::import(&mut store, &fixture("ntware.json")).unwrap();
    let conn = store.connection();
    conn.execute("UPDATE organisation SET email = ?1", [email])
        .unwrap();
    conn.execute("UPDATE party SET email = ?1, website = ?2", [email, url])
        .unwrap();
    conn.execute("UPDATE joint_arrangement SET essence_url = ?1", [url])
        .unwrap();
    let mut out = Vec::new();
    for language in [Language::En, Language::De] {
        let options = NoticeOptions {
            language,
            mode: Mode::Draft,
            activities: Vec::new(),
            version_date: Date::parse("2026-03-01"),
        };
        let n = notice::build_from_store(&store, &options).unwrap();
        out.push(("markdown".into(), notice::markdown::render(&n)));
        out.push(("html".into(), notice::html::render(&n)));
        out.push(("csv".into(), notice::csv::render(&n)));
    }
    out
}

#[test]
fn hostile_addresses_and_urls_never_become_links() {
    for hostile in HOSTILE {
        for (format, text) in notices_of(hostile, hostile) {
            // An escaped character (`\[`) is text, not markup: blank it out before looking.
            let lower = if format == "markdown" {
                without_escapes(&text).to_ascii_lowercase()
            } else {
                text.to_ascii_lowercase()
            };
            for scheme in ["javascript:", "data:", "vbscript:"] {
                let links_to = match format.as_str() {
                    "markdown" => {
                        lower.contains(&format!("<{scheme}"))
                            || lower.contains(&format!("(<{scheme}"))
                            || lower.contains(&format!("]({scheme}"))
                            || lower.contains(&format!("<mailto:{scheme}"))
                    }
                    "html" => lower.contains(&format!("href=\"{scheme}")),
                    // CSV cells are plain text for a spreadsheet.
                    _ => false,
                };
                assert!(
                    !links_to,
                    "{format} notice links to {scheme} for {hostile:?}"
                );
            }
            if format == "html" {
                for href in lower.split("href=\"").skip(1) {
                    assert!(
                        href.starts_with("https://") || href.starts_with("mailto:"),
                        "html href {:?} for {hostile:?}",
                        &href[..href.len().min(60)]
                    );
                }
            }
            if format == "markdown" {
                // No autolink or inline link other than https: or a checked address.
                for target in autolinks(&text) {
                    let lower = target.to_ascii_lowercase();
                    assert!(
                        lower.starts_with("https://")
                            || (!target.contains(':') && target.contains('@')),
                        "markdown autolink <{target}> for {hostile:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn ordinary_addresses_and_urls_stay_links() {
    let email = "privacy@example.com";
    let url = "https://example.com/privacy";
    let notices = notices_of(email, url);
    let (_, markdown) = &notices[0];
    assert!(markdown.contains("<privacy@example.com>"), "{markdown}");
    let (_, html) = &notices[1];
    assert!(html.contains("href=\"mailto:privacy@example.com\""));
}

/// The targets of CommonMark autolinks: text between an unescaped `<` and the next `>` with no
/// space or `<` inside.
fn autolinks(markdown: &str) -> Vec<String> {
    let chars: Vec<char> = markdown.chars().collect();
    let mut out = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if *c != '<' || (i > 0 && chars[i - 1] == '\\') {
            continue;
        }
        let rest: String = chars[i + 1..]
            .iter()
            .take_while(|c| !matches!(c, '>' | '<' | ' ' | '\n'))
            .collect();
        if chars.get(i + 1 + rest.chars().count()) == Some(&'>') && !rest.is_empty() {
            out.push(rest);
        }
    }
    out
}

fn without_escapes(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut chars = markdown.chars();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.next().is_some() {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    out
}
