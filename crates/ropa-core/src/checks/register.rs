//! Register-level items of Art. 30(1)(a) / 30(2)(a): the controller's contact details, the DPO
//! where one is designated, the Art. 27 representative where one is required.

use super::{Art30Letter, Cx, RuleInfo, Target, define_rule};
use crate::reference::reference;

define_rule!(
    ORG_CONTACT_MISSING,
    "ORG_CONTACT_MISSING",
    Error,
    Register,
    Some(Art30Letter::C1A),
    "Art. 30(1)(a), 30(2)(a) GDPR",
    "Art. 30 Abs. 1 lit. a, Abs. 2 lit. a DSGVO",
    "Controller's contact details missing",
    "Kontaktdaten des Verantwortlichen fehlen"
);
define_rule!(
    ORG_ADDRESS_INCOMPLETE,
    "ORG_ADDRESS_INCOMPLETE",
    Warning,
    Register,
    Some(Art30Letter::C1A),
    "Art. 30(1)(a), 30(2)(a) GDPR",
    "Art. 30 Abs. 1 lit. a, Abs. 2 lit. a DSGVO",
    "Controller's postal address incomplete",
    "Postanschrift des Verantwortlichen unvollständig"
);
define_rule!(
    DPO_CONTACT_MISSING,
    "DPO_CONTACT_MISSING",
    Error,
    Register,
    Some(Art30Letter::C1A),
    "Art. 30(1)(a), 37(7) GDPR",
    "Art. 30 Abs. 1 lit. a, Art. 37 Abs. 7 DSGVO",
    "DPO designated but no contact details",
    "Datenschutzbeauftragter ohne Kontaktdaten"
);
define_rule!(
    DPO_NOT_DESIGNATED,
    "DPO_NOT_DESIGNATED",
    Info,
    Register,
    None,
    "Art. 37(1), (4) GDPR; Section 38 BDSG",
    "Art. 37 Abs. 1, 4 DSGVO; § 38 BDSG",
    "No DPO recorded: check whether one must be designated",
    "Kein Datenschutzbeauftragter erfasst: Benennungspflicht prüfen"
);
define_rule!(
    REPRESENTATIVE_MISSING,
    "REPRESENTATIVE_MISSING",
    Error,
    Register,
    Some(Art30Letter::C1A),
    "Art. 27, 30(1)(a) GDPR",
    "Art. 27, Art. 30 Abs. 1 lit. a DSGVO",
    "Controller outside the EEA without a representative in the Union",
    "Verantwortlicher außerhalb des EWR ohne Vertreter in der Union"
);
define_rule!(
    REPRESENTATIVE_CONTACT_MISSING,
    "REPRESENTATIVE_CONTACT_MISSING",
    Warning,
    Register,
    Some(Art30Letter::C1A),
    "Art. 27, 30(1)(a) GDPR",
    "Art. 27, Art. 30 Abs. 1 lit. a DSGVO",
    "Representative without contact details",
    "Vertreter ohne Kontaktdaten"
);

/// The rules of this family.
pub(crate) const RULES: &[RuleInfo] = &[
    ORG_CONTACT_MISSING,
    ORG_ADDRESS_INCOMPLETE,
    DPO_CONTACT_MISSING,
    DPO_NOT_DESIGNATED,
    REPRESENTATIVE_MISSING,
    REPRESENTATIVE_CONTACT_MISSING,
];

/// Employees from which § 38 BDSG may require a DPO (20 persons constantly engaged in automated
/// processing; the head count is only a proxy, hence an info).
const BDSG_DPO_THRESHOLD: u32 = 20;

pub(crate) fn check(cx: &mut Cx<'_>) {
    let reg = cx.reg;
    let org = &reg.organisation;
    let letter = if org.is_controller {
        Art30Letter::C1A
    } else {
        Art30Letter::P2A
    };
    let filled = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    let has_address = filled(&org.street) || filled(&org.city);
    let name = &org.legal_name;

    if !filled(&org.email) && !filled(&org.phone) && !has_address {
        cx.emit_letter(
            &ORG_CONTACT_MISSING,
            Some(letter),
            Target::organisation(org, Some("email")),
            format!(
                "The register names the controller \"{name}\" but gives no contact details. Record at least a postal address and an e-mail address (ideally the one for data-protection matters)."
            ),
            format!(
                "Das Verzeichnis nennt den Verantwortlichen „{name}“, aber keine Kontaktdaten. Tragen Sie mindestens die Postanschrift und eine E-Mail-Adresse ein (möglichst die für Datenschutzanfragen)."
            ),
        );
    } else {
        let mut missing_en = Vec::new();
        let mut missing_de = Vec::new();
        let mut first = None;
        for (field, value, en, de) in [
            ("street", &org.street, "street", "Straße"),
            ("postcode", &org.postcode, "postcode", "Postleitzahl"),
            ("city", &org.city, "city", "Ort"),
            ("country", &org.country, "country", "Land"),
        ] {
            if !filled(value) {
                missing_en.push(en.to_owned());
                missing_de.push(de.to_owned());
                first.get_or_insert(field);
            }
        }
        if let Some(field) = first {
            cx.emit_letter(
                &ORG_ADDRESS_INCOMPLETE,
                Some(letter),
                Target::organisation(org, Some(field)),
                format!(
                    "The postal address of the controller \"{name}\" lacks the {}. Complete the address; the country also decides whether Chapter V and Art. 27 apply.",
                    super::text::join(&missing_en, false)
                ),
                format!(
                    "In der Anschrift des Verantwortlichen „{name}“ fehlt: {}. Ergänzen Sie die Anschrift; vom Land hängt auch ab, ob Kapitel V und Art. 27 DSGVO greifen.",
                    super::text::join(&missing_de, true)
                ),
            );
        }
    }

    match &org.dpo {
        Some(dpo) if !filled(&dpo.email) && !filled(&dpo.phone) && !filled(&dpo.address) => {
            let who = dpo
                .name
                .clone()
                .or_else(|| dpo.organisation.clone())
                .unwrap_or_default();
            cx.emit_letter(
                &DPO_CONTACT_MISSING,
                Some(letter),
                Target::organisation(org, Some("dpo.email")),
                format!(
                    "A data protection officer ({who}) is designated, but the register gives no way to contact them. Record the DPO's e-mail address, telephone number or postal address; they must also be published and communicated to the supervisory authority (Art. 37(7) GDPR)."
                ),
                format!(
                    "Es ist ein Datenschutzbeauftragter ({who}) benannt, das Verzeichnis enthält aber keine Kontaktdaten. Tragen Sie E-Mail-Adresse, Telefonnummer oder Postanschrift des Datenschutzbeauftragten ein; diese sind auch zu veröffentlichen und der Aufsichtsbehörde mitzuteilen (Art. 37 Abs. 7 DSGVO)."
                ),
            );
        }
        Some(_) => {}
        None => {
            if org.country.as_deref() == Some("DE")
                && org.employees.is_some_and(|n| n >= BDSG_DPO_THRESHOLD)
            {
                let n = org.employees.unwrap_or_default();
                // "None designated" is a statement; nothing recorded is not knowing.
                let (said_en, said_de) = if org.dpo_designated == Some(false) {
                    (
                        format!(
                            "\"{name}\" records that it has designated no data protection officer, but has {n} employees."
                        ),
                        format!(
                            "„{name}“ hat nach dem Verzeichnis keinen Datenschutzbeauftragten benannt, hat aber {n} Beschäftigte."
                        ),
                    )
                } else {
                    (
                        format!(
                            "No data protection officer is recorded for \"{name}\", which has {n} employees."
                        ),
                        format!(
                            "Für „{name}“ mit {n} Beschäftigten ist kein Datenschutzbeauftragter erfasst."
                        ),
                    )
                };
                cx.emit(
                    &DPO_NOT_DESIGNATED,
                    Target::organisation(org, Some("dpo")),
                    format!(
                        "{said_en} In Germany a DPO must be designated where at least 20 persons are constantly engaged in the automated processing of personal data (Section 38 BDSG), and always where Art. 37(1) GDPR applies. Check the duty and record the DPO, or note why none is needed."
                    ),
                    format!(
                        "{said_de} In Deutschland ist ein Datenschutzbeauftragter zu benennen, wenn in der Regel mindestens 20 Personen ständig mit der automatisierten Verarbeitung personenbezogener Daten beschäftigt sind (§ 38 BDSG), und stets in den Fällen des Art. 37 Abs. 1 DSGVO. Prüfen Sie die Benennungspflicht und tragen Sie den Datenschutzbeauftragten ein oder vermerken Sie, warum keiner erforderlich ist."
                    ),
                );
            }
        }
    }

    if let Some(country) = org.country.as_deref()
        && reference().country(country).is_some()
        && !reference().is_eea(country)
    {
        let land_en = super::text::country(country, false);
        let land_de = super::text::country(country, true);
        match &org.representative {
            None => cx.emit_letter(
                &REPRESENTATIVE_MISSING,
                Some(letter),
                Target::organisation(org, Some("representative")),
                format!(
                    "\"{name}\" is established outside the EEA ({land_en}), and no representative in the Union is recorded. Designate a representative in writing under Art. 27 GDPR and record their contact details, unless the exemption of Art. 27(2) applies (then note why)."
                ),
                format!(
                    "„{name}“ ist außerhalb des EWR niedergelassen ({land_de}); ein Vertreter in der Union ist nicht erfasst. Benennen Sie schriftlich einen Vertreter nach Art. 27 DSGVO und tragen Sie dessen Kontaktdaten ein, sofern nicht die Ausnahme des Art. 27 Abs. 2 DSGVO greift (dann vermerken Sie die Gründe)."
                ),
            ),
            Some(rep)
                if !filled(&rep.email) && !filled(&rep.phone) && !filled(&rep.address) =>
            {
                let rep_name = &rep.name;
                cx.emit_letter(
                    &REPRESENTATIVE_CONTACT_MISSING,
                    Some(letter),
                    Target::organisation(org, Some("representative.email")),
                    format!(
                        "The representative in the Union (\"{rep_name}\") has no contact details. Record their postal address and e-mail address: data subjects and supervisory authorities must be able to address them."
                    ),
                    format!(
                        "Für den Vertreter in der Union („{rep_name}“) sind keine Kontaktdaten erfasst. Tragen Sie Postanschrift und E-Mail-Adresse ein: Betroffene und Aufsichtsbehörden müssen sich an ihn wenden können."
                    ),
                );
            }
            Some(_) => {}
        }
    }
}
