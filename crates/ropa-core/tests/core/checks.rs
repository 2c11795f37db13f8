//! The rule engine, rule by rule: for every rule of the catalogue a variant of the clean fixture
//! where it fires (on the expected record) and a near miss where it stays quiet.

use crate::fixture;
use ropa_core::checks::{self, CheckOptions, Finding, Severity};
use ropa_core::interchange::Register;
use ropa_core::model::*;
use std::collections::{BTreeMap, HashSet};

/// The date all tests check on (the reference data's `as_of`).
pub const TODAY: &str = "2026-11-23";

pub fn today() -> Date {
    Date::parse(TODAY).unwrap()
}

pub fn opts() -> CheckOptions {
    CheckOptions::on(today())
}

pub fn clean() -> Register {
    fixture("clean.json")
}

pub fn run(reg: &Register, opts: &CheckOptions) -> Vec<Finding> {
    checks::check(reg, opts)
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn act<'a>(reg: &'a mut Register, id: &str) -> &'a mut Activity {
    reg.activities.iter_mut().find(|a| a.id == id).unwrap()
}

fn party<'a>(reg: &'a mut Register, id: &str) -> &'a mut Party {
    reg.parties.iter_mut().find(|p| p.id == id).unwrap()
}

fn xfer<'a>(reg: &'a mut Register, id: &str) -> &'a mut Transfer {
    reg.transfers.iter_mut().find(|t| t.id == id).unwrap()
}

fn agr<'a>(reg: &'a mut Register, id: &str) -> &'a mut Agreement {
    reg.agreements.iter_mut().find(|g| g.id == id).unwrap()
}

fn purpose<'a>(reg: &'a mut Register, activity: &str, i: usize) -> &'a mut Purpose {
    &mut act(reg, activity).purposes[i]
}

type Mutation = fn(&mut Register, &mut CheckOptions);

struct Case {
    code: &'static str,
    /// Id of the record the finding must name.
    target: &'static str,
    fire: Mutation,
    quiet: Mutation,
}

const SAHYADRI: &str = "xfer-sahyadri";
const BRIGHTMAIL: &str = "xfer-brightmail";

fn cases() -> Vec<Case> {
    vec![
        // ---- register ------------------------------------------------------------------
        Case {
            code: "ORG_CONTACT_MISSING",
            target: "organisation",
            fire: |r, _| {
                let o = &mut r.organisation;
                (o.email, o.phone, o.street, o.city) = (None, None, None, None);
            },
            quiet: |r, _| {
                let o = &mut r.organisation;
                (o.phone, o.street, o.city) = (None, None, None);
            },
        },
        Case {
            code: "ORG_ADDRESS_INCOMPLETE",
            target: "organisation",
            fire: |r, _| r.organisation.postcode = None,
            quiet: |r, _| r.organisation.website = None,
        },
        Case {
            code: "DPO_CONTACT_MISSING",
            target: "organisation",
            fire: |r, _| {
                let dpo = r.organisation.dpo.as_mut().unwrap();
                (dpo.email, dpo.phone, dpo.address) = (None, None, None);
            },
            quiet: |r, _| {
                let dpo = r.organisation.dpo.as_mut().unwrap();
                (dpo.email, dpo.address) = (None, None);
            },
        },
        Case {
            code: "DPO_NOT_DESIGNATED",
            target: "organisation",
            fire: |r, _| r.organisation.dpo = None,
            quiet: |r, _| {
                r.organisation.dpo = None;
                r.organisation.employees = Some(12);
            },
        },
        Case {
            code: "REPRESENTATIVE_MISSING",
            target: "organisation",
            fire: |r, _| r.organisation.country = Some("CH".into()),
            quiet: |r, _| {
                r.organisation.country = Some("CH".into());
                r.organisation.representative = Some(Contact {
                    name: "EU-Vertretung GmbH".into(),
                    email: Some("eu@vertretung.example".into()),
                    ..Contact::default()
                });
            },
        },
        Case {
            code: "REPRESENTATIVE_CONTACT_MISSING",
            target: "organisation",
            fire: |r, _| {
                r.organisation.country = Some("US".into());
                r.organisation.representative = Some(Contact {
                    name: "EU-Vertretung GmbH".into(),
                    ..Contact::default()
                });
            },
            quiet: |r, _| {
                r.organisation.country = Some("US".into());
                r.organisation.representative = Some(Contact {
                    name: "EU-Vertretung GmbH".into(),
                    address: Some("Friedrichstraße 1, 10117 Berlin".into()),
                    ..Contact::default()
                });
            },
        },
        // ---- completeness --------------------------------------------------------------
        Case {
            code: "ART30_1_A_JOINT_CONTROLLER_MISSING",
            target: "auftragsabwicklung",
            fire: |r, _| act(r, "auftragsabwicklung").role = ActivityRole::JointController,
            quiet: |r, _| {
                // Named through the arrangement alone.
                act(r, "bewerbermanagement")
                    .recipients
                    .retain(|x| x.role != RecipientRole::JointController);
            },
        },
        Case {
            code: "ART30_1_B_PURPOSE_MISSING",
            target: "newsletter",
            fire: |r, _| act(r, "newsletter").purposes.clear(),
            quiet: |r, _| {
                let a = act(r, "newsletter");
                a.purposes.clear();
                a.status = ActivityStatus::Retired;
            },
        },
        Case {
            code: "ART30_1_C_DATA_SUBJECTS_MISSING",
            target: "newsletter",
            fire: |r, _| act(r, "newsletter").data_subjects.clear(),
            quiet: |r, _| {
                let a = act(r, "newsletter");
                a.data_subjects.clear();
                a.status = ActivityStatus::Retired;
            },
        },
        Case {
            code: "ART30_1_C_DATA_CATEGORIES_MISSING",
            target: "newsletter",
            fire: |r, _| act(r, "newsletter").data_categories.clear(),
            quiet: |r, _| act(r, "newsletter").data_categories.truncate(1),
        },
        Case {
            code: "ART30_1_D_RECIPIENTS_MISSING",
            target: "videoueberwachung",
            fire: |r, _| act(r, "videoueberwachung").recipients.clear(),
            quiet: |r, _| {
                let a = act(r, "videoueberwachung");
                a.recipients.clear();
                a.no_recipients = true;
            },
        },
        Case {
            code: "ART30_1_G_TOMS_MISSING",
            target: "newsletter",
            fire: |r, _| act(r, "newsletter").toms.clear(),
            quiet: |r, _| act(r, "newsletter").toms.truncate(1),
        },
        Case {
            code: "ART30_2_A_CONTROLLER_CONTACT_MISSING",
            target: "brenner",
            fire: |r, _| {
                let p = party(r, "brenner");
                (p.address, p.email) = (None, None);
            },
            quiet: |r, _| {
                let p = party(r, "brenner");
                (p.address, p.email) = (None, None);
                p.phone = Some("+49 7131 555 0".into());
            },
        },
        Case {
            code: "ART30_2_B_PROCESSING_CATEGORIES_MISSING",
            target: "fernwartung-brenner",
            fire: |r, _| r.processor_services[0].processing_categories.clear(),
            quiet: |r, _| r.processor_services[0].processing_categories.truncate(1),
        },
        Case {
            code: "ART30_2_D_TOMS_MISSING",
            target: "fernwartung-brenner",
            fire: |r, _| r.processor_services[0].toms.clear(),
            quiet: |r, _| r.processor_services[0].toms.truncate(1),
        },
        Case {
            code: "ART30_2_SERVICES_MISSING",
            target: "organisation",
            fire: |r, _| r.processor_services.clear(),
            quiet: |r, _| {
                r.processor_services.clear();
                r.organisation.is_processor = false;
            },
        },
        Case {
            code: "ART30_2_PROCESSOR_ROLE_NOT_SET",
            target: "organisation",
            fire: |r, _| r.organisation.is_processor = false,
            quiet: |r, _| {
                r.organisation.is_processor = false;
                r.processor_services.clear();
            },
        },
        // ---- legal bases ---------------------------------------------------------------
        Case {
            code: "BASIS_MISSING",
            target: "auftragsabwicklung",
            fire: |r, _| purpose(r, "auftragsabwicklung", 0).legal_basis = None,
            quiet: |r, _| {
                // As processor, the basis is the controller's to determine.
                purpose(r, "auftragsabwicklung", 0).legal_basis = None;
                act(r, "auftragsabwicklung").role = ActivityRole::Processor;
            },
        },
        Case {
            code: "BASIS_LI_INTEREST_MISSING",
            target: "videoueberwachung",
            fire: |r, _| purpose(r, "videoueberwachung", 0).legitimate_interest = None,
            quiet: |r, _| {
                let p = purpose(r, "videoueberwachung", 0);
                p.legitimate_interest = None;
                p.legal_basis = Some(LegalBasis::Contract);
            },
        },
        Case {
            code: "BASIS_LEGAL_PROVISION_MISSING",
            target: "buchhaltung",
            fire: |r, _| {
                let p = purpose(r, "buchhaltung", 0);
                p.legal_provision = None;
                p.national_law.clear();
            },
            quiet: |r, _| purpose(r, "buchhaltung", 0).legal_provision = None,
        },
        Case {
            code: "CONSENT_WITHDRAWAL_MISSING",
            target: "newsletter",
            fire: |r, _| {
                purpose(r, "newsletter", 0)
                    .consent
                    .as_mut()
                    .unwrap()
                    .withdrawal = None
            },
            quiet: |r, _| {
                let p = purpose(r, "newsletter", 0);
                p.consent = None;
                p.legal_basis = Some(LegalBasis::LegitimateInterests);
                p.legitimate_interest = Some("Direktwerbung an Bestandskunden".into());
            },
        },
        Case {
            code: "CONSENT_OBTAINED_MISSING",
            target: "newsletter",
            fire: |r, _| {
                purpose(r, "newsletter", 0)
                    .consent
                    .as_mut()
                    .unwrap()
                    .obtained = None
            },
            quiet: |r, _| {
                purpose(r, "newsletter", 0)
                    .consent
                    .as_mut()
                    .unwrap()
                    .obtained = Some("Cookie-Banner".into())
            },
        },
        Case {
            code: "CONSENT_IMPLIED",
            target: "bewerbermanagement",
            fire: |r, _| {
                purpose(r, "bewerbermanagement", 1)
                    .consent
                    .as_mut()
                    .unwrap()
                    .obtained = Some("By using this website you agree to the talent pool".into())
            },
            quiet: |r, _| {
                purpose(r, "bewerbermanagement", 1)
                    .consent
                    .as_mut()
                    .unwrap()
                    .obtained = Some("Klick auf „Akzeptieren“ im Bewerbungsformular".into())
            },
        },
        Case {
            code: "BASIS_LI_AS_CONSENT",
            target: "newsletter",
            fire: |r, _| {
                purpose(r, "newsletter", 0).legitimate_interest =
                    Some("Information über unsere Produkte".into())
            },
            quiet: |r, _| {
                let p = purpose(r, "newsletter", 0);
                p.legal_basis = Some(LegalBasis::LegitimateInterests);
                p.legitimate_interest = Some("Information über unsere Produkte".into());
                p.basis_as_stated = Some("berechtigtes Interesse".into());
            },
        },
        Case {
            code: "TEXT_NOT_TRANSLATED",
            target: "newsletter",
            // The fixture writes German (its primary language); English documents too, then
            // every text lacks its English version.
            fire: |r, _| r.organisation.languages = vec![Language::En],
            // Naming the primary language again asks for nothing more.
            quiet: |r, _| r.organisation.languages = vec![Language::De],
        },
        Case {
            code: "RIGHTS_INFO_DENIES_OBJECTION",
            target: "videoueberwachung",
            fire: |r, _| {
                act(r, "videoueberwachung").rights_info =
                    Some("Ein Widerspruch ist nicht möglich.".into())
            },
            // The same words on a purpose resting on consent contradict nothing in Art. 21.
            quiet: |r, _| {
                act(r, "newsletter").rights_info = Some("Ein Widerspruch ist nicht möglich.".into())
            },
        },
        Case {
            code: "BASIS_F_CONSENT_COLLECTED",
            target: "videoueberwachung",
            fire: |r, _| {
                purpose(r, "videoueberwachung", 0).consent = Some(Consent {
                    obtained: Some("Cookie-Banner".into()),
                    ..Consent::default()
                })
            },
            quiet: |r, _| {
                let p = purpose(r, "videoueberwachung", 0);
                p.consent = Some(Consent {
                    obtained: Some("Cookie-Banner".into()),
                    ..Consent::default()
                });
                p.national_law.push(NationalLawRef {
                    code: "TDDDG_25_1".into(),
                    as_stated: None,
                });
            },
        },
        Case {
            code: "BASIS_TDDDG_ONLY",
            target: "videoueberwachung",
            fire: |r, _| {
                let p = purpose(r, "videoueberwachung", 0);
                p.legal_basis = None;
                p.legitimate_interest = None;
                p.national_law.push(NationalLawRef {
                    code: "TDDDG_25_2_NR2".into(),
                    as_stated: Some("Section 25 (2) (2) TDDDG".into()),
                });
            },
            quiet: |r, _| {
                purpose(r, "videoueberwachung", 0)
                    .national_law
                    .push(NationalLawRef {
                        code: "TDDDG_25_2_NR2".into(),
                        as_stated: None,
                    })
            },
        },
        Case {
            code: "LAW_REPEALED",
            target: "videoueberwachung",
            fire: |r, _| {
                purpose(r, "videoueberwachung", 0)
                    .national_law
                    .push(NationalLawRef {
                        code: "TTDSG_25_1".into(),
                        as_stated: None,
                    })
            },
            quiet: |r, _| {
                let p = purpose(r, "videoueberwachung", 0);
                p.national_law.push(NationalLawRef {
                    code: "TDDDG_25_1".into(),
                    as_stated: None,
                });
                // "TMGX" is not the TMG; § 96 without TKG is not the TKG.
                p.basis_as_stated = Some("§ 25 Abs. 1 TDDDG, Richtlinie TMGX, § 96 BGB".into());
            },
        },
        Case {
            code: "ART9_CONDITION_MISSING",
            target: "entgeltabrechnung",
            fire: |r, _| purpose(r, "entgeltabrechnung", 2).art9_condition = None,
            quiet: |r, _| {
                purpose(r, "entgeltabrechnung", 2).art9_condition = None;
                r.data_categories
                    .iter_mut()
                    .find(|c| c.id == "au-zeiten")
                    .unwrap()
                    .special = None;
            },
        },
        Case {
            code: "ART9_WITHOUT_ART6",
            target: "entgeltabrechnung",
            fire: |r, _| purpose(r, "entgeltabrechnung", 2).legal_basis = None,
            quiet: |r, _| {
                purpose(r, "entgeltabrechnung", 2).legal_provision = Some("§ 3 EntgFG".into())
            },
        },
        Case {
            code: "ART10_AUTHORISATION_MISSING",
            target: "hinweisgebersystem",
            fire: |r, _| purpose(r, "hinweisgebersystem", 0).art10_authorisation = None,
            quiet: |r, _| {
                purpose(r, "hinweisgebersystem", 0).art10_authorisation = None;
                act(r, "hinweisgebersystem")
                    .data_categories
                    .retain(|c| c.category != "straftatbezogene-angaben");
            },
        },
        // ---- transfers -----------------------------------------------------------------
        Case {
            code: "RECIPIENT_THIRD_COUNTRY_NO_TRANSFER",
            target: "auftragsabwicklung",
            fire: |r, _| r.transfers.retain(|t| t.id != SAHYADRI),
            quiet: |r, _| {
                r.transfers.retain(|t| t.id != SAHYADRI);
                party(r, "sahyadri").country = Some("DE".into());
            },
        },
        Case {
            code: "RECIPIENT_COUNTRY_UNKNOWN",
            target: "neckarcloud",
            fire: |r, _| party(r, "neckarcloud").country = None,
            quiet: |r, _| party(r, "finanzbehoerden").country = None,
        },
        Case {
            code: "TRANSFER_DESTINATION_MISSING",
            target: SAHYADRI,
            fire: |r, _| xfer(r, SAHYADRI).country = None,
            quiet: |r, _| {
                let t = xfer(r, SAHYADRI);
                t.country = None;
                t.international_organisation = Some("Vereinte Nationen".into());
            },
        },
        Case {
            code: "TRANSFER_RECIPIENT_NOT_LISTED",
            target: BRIGHTMAIL,
            fire: |r, _| xfer(r, BRIGHTMAIL).activity = Some("auftragsabwicklung".into()),
            quiet: |r, _| {
                // A sub-processor of a listed recipient.
                let mut sub = Party::new("brightmail-cloud", "Brightmail Cloud LLC");
                sub.country = Some("US".into());
                sub.parent = Some("brightmail".into());
                r.parties.push(sub);
                xfer(r, BRIGHTMAIL).party = "brightmail-cloud".into();
            },
        },
        Case {
            code: "TRANSFER_MECHANISM_MISSING",
            target: SAHYADRI,
            fire: |r, _| xfer(r, SAHYADRI).mechanism = None,
            quiet: |_, _| {},
        },
        Case {
            code: "TRANSFER_PRIVACY_SHIELD",
            target: BRIGHTMAIL,
            fire: |r, _| xfer(r, BRIGHTMAIL).mechanism = Some(TransferMechanism::PrivacyShield {}),
            quiet: |_, _| {},
        },
        Case {
            code: "TRANSFER_LEGACY_SCC",
            target: SAHYADRI,
            fire: |r, _| {
                xfer(r, SAHYADRI).mechanism = Some(TransferMechanism::LegacyScc {
                    decision: "SCC_2010_87_EU".into(),
                    signed_on: Some(d("2019-04-01")),
                })
            },
            quiet: |_, _| {},
        },
        Case {
            code: "TRANSFER_SCC_DATE_MISSING",
            target: SAHYADRI,
            fire: |r, _| set_scc_date(r, None),
            quiet: |r, _| set_scc_date(r, Some(d("2021-06-04"))),
        },
        Case {
            code: "TRANSFER_SCC_BEFORE_2021",
            target: SAHYADRI,
            fire: |r, _| set_scc_date(r, Some(d("2021-06-03"))),
            quiet: |r, _| set_scc_date(r, Some(d("2021-06-04"))),
        },
        Case {
            code: "TRANSFER_TIA_MISSING",
            target: SAHYADRI,
            fire: |r, _| {
                xfer(r, SAHYADRI).tia = Some(TransferImpactAssessment {
                    done: false,
                    ..TransferImpactAssessment::default()
                })
            },
            quiet: |r, _| {
                // Not an Art. 46 tool.
                let t = xfer(r, SAHYADRI);
                t.tia = None;
                t.country = Some("CH".into());
                t.mechanism = Some(TransferMechanism::Adequacy {
                    decision: "ADEQ_CH".into(),
                });
            },
        },
        Case {
            code: "TRANSFER_DPF_NOT_US",
            target: BRIGHTMAIL,
            fire: |r, _| party(r, "brightmail").country = Some("IE".into()),
            quiet: |r, _| party(r, "brightmail").country = None,
        },
        Case {
            code: "TRANSFER_DPF_CHECK_MISSING",
            target: BRIGHTMAIL,
            fire: |r, _| set_dpf_check(r, None),
            quiet: |r, _| set_dpf_check(r, Some(d("2020-01-01"))),
        },
        Case {
            code: "TRANSFER_DPF_CHECK_STALE",
            target: BRIGHTMAIL,
            fire: |r, _| set_dpf_check(r, Some(Date::from_days(today().days_since_epoch() - 366))),
            quiet: |r, _| set_dpf_check(r, Some(Date::from_days(today().days_since_epoch() - 365))),
        },
        Case {
            code: "TRANSFER_ADEQUACY_MISMATCH",
            target: SAHYADRI,
            fire: |r, _| set_adequacy(r, "IN", "ADEQ_JP"),
            quiet: |r, _| set_adequacy(r, "CH", "ADEQ_CH"),
        },
        Case {
            code: "TRANSFER_ADEQUACY_EXPIRED",
            target: SAHYADRI,
            fire: |r, o| {
                set_adequacy(r, "GB", "ADEQ_GB_GDPR");
                o.today = d("2031-12-28");
            },
            quiet: |r, o| {
                set_adequacy(r, "GB", "ADEQ_GB_GDPR");
                o.today = d("2031-12-27");
            },
        },
        Case {
            code: "TRANSFER_ADEQUACY_SCOPE",
            target: SAHYADRI,
            fire: |r, _| set_adequacy(r, "JP", "ADEQ_JP"),
            quiet: |r, _| set_adequacy(r, "GB", "ADEQ_GB_GDPR"),
        },
        Case {
            code: "TRANSFER_ART49_REPETITIVE",
            target: SAHYADRI,
            fire: |r, _| set_derogation(r, true),
            quiet: |r, _| set_derogation(r, false),
        },
        Case {
            code: "TRANSFER_COMPELLING_REPETITIVE",
            target: SAHYADRI,
            fire: |r, _| set_compelling(r, true),
            quiet: |r, _| set_compelling(r, false),
        },
        // ---- contracts -----------------------------------------------------------------
        Case {
            code: "AGREEMENT_MISSING",
            target: "auftragsabwicklung",
            fire: |r, _| r.agreements.retain(|g| g.id != "avv-sahyadri"),
            quiet: |r, _| agr(r, "avv-sahyadri").activities.clear(),
        },
        Case {
            code: "AGREEMENT_UNSIGNED",
            target: "avv-sahyadri",
            fire: |r, _| agr(r, "avv-sahyadri").status = AgreementStatus::Draft,
            quiet: |r, _| {
                // A draft renewal next to the signed agreement.
                let mut renewal = agr(r, "avv-sahyadri").clone();
                renewal.id = "avv-sahyadri-2027".into();
                renewal.status = AgreementStatus::Draft;
                r.agreements.push(renewal);
            },
        },
        Case {
            code: "AGREEMENT_EXPIRED",
            target: "avv-sahyadri",
            fire: |r, _| agr(r, "avv-sahyadri").expires_on = Some(d("2026-11-22")),
            quiet: |r, _| agr(r, "avv-sahyadri").expires_on = Some(d("2026-11-23")),
        },
        Case {
            code: "AGREEMENT_UNDOCUMENTED",
            target: "avv-sahyadri",
            fire: |r, _| agr(r, "avv-sahyadri").document = None,
            quiet: |r, _| {
                let g = agr(r, "avv-sahyadri");
                g.document = None;
                g.status = AgreementStatus::Ended;
            },
        },
        Case {
            code: "AGREEMENT_CHECKLIST_INCOMPLETE",
            target: "avv-sahyadri",
            fire: |r, _| agr(r, "avv-sahyadri").checklist.h_audits = Some(false),
            // Not known is not missing.
            quiet: |r, _| agr(r, "avv-sahyadri").checklist.h_audits = None,
        },
        Case {
            code: "AGREEMENT_NOT_SEEN",
            target: "avv-sahyadri",
            fire: |r, _| agr(r, "avv-sahyadri").asserted_only = true,
            quiet: |r, _| {
                let g = agr(r, "avv-sahyadri");
                g.asserted_only = true;
                g.status = AgreementStatus::Ended;
            },
        },
        Case {
            code: "AGREEMENT_CHECKLIST_UNKNOWN",
            target: "avv-sahyadri",
            fire: |r, _| agr(r, "avv-sahyadri").checklist.h_audits = None,
            // Known to be missing is reported as such, not as unknown.
            quiet: |r, _| agr(r, "avv-sahyadri").checklist.h_audits = Some(false),
        },
        Case {
            code: "AGREEMENT_REVIEW_OVERDUE",
            target: "avv-sahyadri",
            fire: |r, _| agr(r, "avv-sahyadri").review_on = Some(d("2026-11-22")),
            quiet: |r, _| agr(r, "avv-sahyadri").review_on = Some(d("2026-11-23")),
        },
        Case {
            code: "SERVICE_AGREEMENT_MISSING",
            target: "fernwartung-brenner",
            fire: |r, _| r.processor_services[0].agreement = None,
            quiet: |_, _| {},
        },
        Case {
            code: "JOINT_ARRANGEMENT_MISSING",
            target: "bewerbermanagement",
            fire: |r, _| r.joint_arrangements[0].activities = vec!["newsletter".into()],
            quiet: |r, _| r.joint_arrangements[0].activities.clear(),
        },
        Case {
            code: "JOINT_ESSENCE_MISSING",
            target: "jv-talentpool",
            fire: |r, _| r.joint_arrangements[0].essence_url = None,
            quiet: |r, _| {
                let j = &mut r.joint_arrangements[0];
                j.essence_url = None;
                j.essence_text = Some("Wesentlicher Inhalt: …".into());
            },
        },
        Case {
            code: "JOINT_RESPONSIBILITIES_MISSING",
            target: "jv-talentpool",
            fire: |r, _| r.joint_arrangements[0].requests_handled_by = None,
            quiet: |r, _| r.joint_arrangements[0].contact_point = None,
        },
        // ---- retention, reviews, DPIA --------------------------------------------------
        Case {
            code: "ART30_1_F_RETENTION_MISSING",
            target: "videoueberwachung",
            fire: |r, _| act(r, "videoueberwachung").retention = None,
            quiet: |r, _| {
                let a = act(r, "videoueberwachung");
                a.data_categories[0].retention = a.retention.take();
            },
        },
        Case {
            code: "RETENTION_START_MISSING",
            target: "videoueberwachung",
            fire: |r, _| {
                if let Some(Retention::Period { trigger, .. }) =
                    &mut act(r, "videoueberwachung").retention
                {
                    *trigger = None;
                }
            },
            quiet: |r, _| {
                act(r, "videoueberwachung").retention = Some(Retention::Criteria {
                    text: "Bis zum Abschluss der Ermittlungen".into(),
                })
            },
        },
        Case {
            code: "RECIPIENT_ENTITY_NOT_NAMED",
            target: "brightmail",
            fire: |r, _| party(r, "brightmail").entity_not_named = true,
            // Named only by its service, but no activity in use discloses data to it.
            quiet: |r, _| {
                party(r, "brightmail").entity_not_named = true;
                for a in r
                    .activities
                    .iter_mut()
                    .filter(|a| a.recipients.iter().any(|x| x.party == "brightmail"))
                {
                    a.status = ActivityStatus::Retired;
                }
            },
        },
        Case {
            code: "RETENTION_UNLIMITED",
            target: "videoueberwachung",
            fire: |r, _| {
                act(r, "videoueberwachung").retention = Some(Retention::Unlimited {
                    note: Some("Aufnahmen werden archiviert".into()),
                })
            },
            quiet: |r, _| {
                act(r, "videoueberwachung").retention = Some(Retention::Criteria {
                    text: "Bis zum Abschluss der Ermittlungen".into(),
                })
            },
        },
        Case {
            code: "REVIEW_OVERDUE",
            target: "newsletter",
            fire: |r, _| act(r, "newsletter").next_review = Some(d("2026-11-22")),
            quiet: |r, _| {
                let a = act(r, "newsletter");
                a.next_review = None;
                a.last_reviewed = Some(Date::from_days(today().days_since_epoch() - 365));
            },
        },
        Case {
            code: "REVIEW_NOT_SCHEDULED",
            target: "newsletter",
            fire: |r, o| {
                let a = act(r, "newsletter");
                (a.last_reviewed, a.next_review) = (None, None);
                o.review.flag_unscheduled = true;
            },
            quiet: |r, _| {
                let a = act(r, "newsletter");
                (a.last_reviewed, a.next_review) = (None, None);
            },
        },
        Case {
            code: "DPIA_MISSING",
            target: "videoueberwachung",
            fire: |r, _| act(r, "videoueberwachung").dpia.status = None,
            quiet: |r, _| {
                let dpia = &mut act(r, "videoueberwachung").dpia;
                dpia.status = None;
                dpia.screening = DpiaScreening::NotRequired;
            },
        },
        Case {
            code: "DPIA_NOT_COMPLETED",
            target: "videoueberwachung",
            fire: |r, _| act(r, "videoueberwachung").dpia.status = Some(DpiaStatus::InProgress),
            quiet: |r, _| {
                let a = act(r, "videoueberwachung");
                a.dpia.status = Some(DpiaStatus::InProgress);
                a.status = ActivityStatus::Draft;
            },
        },
        Case {
            code: "DPIA_NOT_SCREENED",
            target: "entgeltabrechnung",
            fire: |r, _| act(r, "entgeltabrechnung").dpia.screening = DpiaScreening::NotScreened,
            quiet: |r, _| act(r, "newsletter").dpia.screening = DpiaScreening::NotScreened,
        },
    ]
}

fn set_scc_date(r: &mut Register, date: Option<Date>) {
    if let Some(TransferMechanism::Scc { signed_on, .. }) = &mut xfer(r, SAHYADRI).mechanism {
        *signed_on = date;
    }
}

fn set_dpf_check(r: &mut Register, date: Option<Date>) {
    if let Some(TransferMechanism::Dpf { checked_on, .. }) = &mut xfer(r, BRIGHTMAIL).mechanism {
        *checked_on = date;
    }
}

fn set_adequacy(r: &mut Register, country: &str, decision: &str) {
    let t = xfer(r, SAHYADRI);
    t.country = Some(country.into());
    t.mechanism = Some(TransferMechanism::Adequacy {
        decision: decision.into(),
    });
}

fn set_derogation(r: &mut Register, repetitive: bool) {
    let t = xfer(r, SAHYADRI);
    t.repetitive = repetitive;
    t.mechanism = Some(TransferMechanism::Derogation {
        derogation: Art49Derogation::Contract,
    });
}

fn set_compelling(r: &mut Register, repetitive: bool) {
    let t = xfer(r, SAHYADRI);
    t.repetitive = repetitive;
    t.mechanism = Some(TransferMechanism::CompellingInterest {
        safeguards: "Bewertung vom 01.10.2026; Verschlüsselung, Pseudonymisierung".into(),
    });
}

fn codes(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}

/// Runs `m` on the clean fixture.
fn variant(m: Mutation) -> Vec<Finding> {
    let mut reg = clean();
    let mut o = opts();
    m(&mut reg, &mut o);
    let findings = run(&reg, &o);
    for f in &findings {
        assert_finding_well_formed(&reg, f);
    }
    findings
}

/// Every finding: code in the catalogue with the same severity and article, messages in both
/// languages, German with real umlauts, a target that exists with a field path that resolves.
pub fn assert_finding_well_formed(reg: &Register, f: &Finding) {
    let rule = checks::rule(&f.code).unwrap_or_else(|| panic!("{} not in the catalogue", f.code));
    assert_eq!(f.severity, rule.severity, "{}", f.code);
    assert_eq!(f.article, rule.article, "{}", f.code);
    assert_eq!(f.article_de, rule.article_de, "{}", f.code);
    assert!(
        f.message_en.len() > 40 && f.message_de.len() > 40,
        "{}: short message",
        f.code
    );
    assert_ne!(f.message_en, f.message_de, "{}", f.code);
    let de = f.message_de.to_lowercase();
    for bad in [
        "uebermittl",
        "gemaess",
        "loesch",
        "taetigkeit",
        "fuer ",
        "muessen",
        "pruef",
        "verarbeitungstatigkeit",
    ] {
        assert!(
            !de.contains(bad),
            "{}: ASCII transcription {bad:?} in {de}",
            f.code
        );
    }
    assert!(
        !f.message_en.contains("{") && !f.message_de.contains("{"),
        "{}",
        f.code
    );
    let value = record_json(reg, f.target.entity, &f.target.id)
        .unwrap_or_else(|| panic!("{}: no {} `{}`", f.code, f.target.entity, f.target.id));
    if let Some(field) = &f.target.field {
        assert_path_resolves(&value, field, &f.code);
    }
}

fn record_json(reg: &Register, entity: Entity, id: &str) -> Option<serde_json::Value> {
    fn find<T: RecordMeta + serde::Serialize>(list: &[T], id: &str) -> Option<serde_json::Value> {
        list.iter()
            .find(|r| r.id() == id)
            .map(|r| serde_json::to_value(r).unwrap())
    }
    match entity {
        Entity::Organisation => Some(serde_json::to_value(&reg.organisation).unwrap()),
        Entity::Activity => find(&reg.activities, id),
        Entity::Party => find(&reg.parties, id),
        Entity::Agreement => find(&reg.agreements, id),
        Entity::JointArrangement => find(&reg.joint_arrangements, id),
        Entity::Transfer => find(&reg.transfers, id),
        Entity::ProcessorService => find(&reg.processor_services, id),
        Entity::DataCategory => find(&reg.data_categories, id),
        Entity::SubjectCategory => find(&reg.subject_categories, id),
        Entity::Tom => find(&reg.toms, id),
        Entity::NoticeSettings => reg
            .notice
            .as_ref()
            .map(|n| serde_json::to_value(n).unwrap()),
    }
}

/// Every list index in the dotted path must exist; named segments may be absent (an optional
/// field not yet filled in) but then nothing after them may be indexed.
fn assert_path_resolves(root: &serde_json::Value, path: &str, code: &str) {
    let mut node = Some(root);
    for seg in path.split('.') {
        let (name, index) = match seg.split_once('[') {
            Some((n, rest)) => (
                n,
                Some(rest.trim_end_matches(']').parse::<usize>().unwrap()),
            ),
            None => (seg, None),
        };
        assert!(
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{code}: bad segment {seg:?} in {path}"
        );
        node = node.and_then(|n| n.get(name));
        if let Some(i) = index {
            let list = node.unwrap_or_else(|| panic!("{code}: {path}: `{name}` missing"));
            node = Some(
                list.get(i)
                    .unwrap_or_else(|| panic!("{code}: {path}: index {i} out of range")),
            );
        }
    }
}

#[test]
fn clean_fixture_has_no_findings() {
    let findings = run(&clean(), &opts());
    assert!(findings.is_empty(), "{:#?}", findings);
}

#[test]
fn every_rule_fires_and_keeps_quiet() {
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        let fired = variant(case.fire);
        let hits: Vec<&Finding> = fired.iter().filter(|f| f.code == case.code).collect();
        if hits.is_empty() {
            failures.push(format!(
                "{}: did not fire; got {:?}",
                case.code,
                codes(&fired)
            ));
        } else if !hits.iter().any(|f| f.target.id == case.target) {
            failures.push(format!(
                "{}: fired on {:?}, expected `{}`",
                case.code,
                hits.iter().map(|f| &f.target.id).collect::<Vec<_>>(),
                case.target
            ));
        }
        let quiet = variant(case.quiet);
        if quiet.iter().any(|f| f.code == case.code) {
            failures.push(format!("{}: fired on the quiet variant", case.code));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_of_the_catalogue_has_a_case() {
    let tested: HashSet<&str> = cases().iter().map(|c| c.code).collect();
    let catalogue: HashSet<&str> = checks::rules().iter().map(|r| r.code).collect();
    let untested: Vec<_> = catalogue.difference(&tested).collect();
    let unknown: Vec<_> = tested.difference(&catalogue).collect();
    assert!(untested.is_empty(), "rules without a case: {untested:?}");
    assert!(unknown.is_empty(), "cases for unknown rules: {unknown:?}");
    assert_eq!(tested.len(), cases().len(), "a rule is tested twice");
}

#[test]
fn catalogue_is_consistent() {
    let rules = checks::rules();
    let mut seen = HashSet::new();
    for r in rules {
        assert!(seen.insert(r.code), "duplicate code {}", r.code);
        assert!(
            r.code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'),
            "{}",
            r.code
        );
        assert!(
            r.article.ends_with("GDPR") || r.article.contains("GDPR;"),
            "{}: {}",
            r.code,
            r.article
        );
        assert!(
            r.article_de.contains("DSGVO"),
            "{}: {}",
            r.code,
            r.article_de
        );
        assert!(
            !r.title_en.is_empty() && !r.title_de.is_empty(),
            "{}",
            r.code
        );
        if r.code.starts_with("ART30_")
            && !r.code.starts_with("ART30_2_S")
            && !r.code.starts_with("ART30_2_P")
        {
            assert!(r.letter.is_some(), "{} maps to no letter", r.code);
        }
    }
    // Every letter of Art. 30(1) and (2) is covered by at least one rule.
    for letter in checks::Art30Letter::ALL {
        assert!(
            rules.iter().any(|r| r.letter == Some(*letter))
                || (*letter == checks::Art30Letter::P2C
                    && checks::rule("TRANSFER_DESTINATION_MISSING").is_some()),
            "no rule for {letter:?}"
        );
    }
    let json = serde_json::to_value(rules).unwrap();
    assert_eq!(json[0]["severity"], "error");
}

#[test]
fn findings_serialise_for_the_app() {
    let findings =
        variant(|r, _| xfer(r, BRIGHTMAIL).mechanism = Some(TransferMechanism::PrivacyShield {}));
    let f = findings
        .iter()
        .find(|f| f.code == "TRANSFER_PRIVACY_SHIELD")
        .unwrap();
    let v = serde_json::to_value(f).unwrap();
    assert_eq!(v["severity"], "error");
    assert_eq!(v["target"]["entity"], "transfer");
    assert_eq!(v["target"]["id"], BRIGHTMAIL);
    assert_eq!(v["target"]["field"], "mechanism");
    assert!(v["message_de"].as_str().unwrap().contains("16. Juli 2020"));
    let back: Finding = serde_json::from_value(v).unwrap();
    assert_eq!(&back, f);

    let dest = variant(|r, _| xfer(r, SAHYADRI).country = None);
    let v = serde_json::to_value(
        dest.iter()
            .find(|f| f.code == "TRANSFER_DESTINATION_MISSING")
            .unwrap(),
    )
    .unwrap();
    assert_eq!(v["letter"], "30(1)(e)");
}

#[test]
fn transfer_of_a_processor_service_maps_to_30_2_c() {
    let findings = variant(|r, _| {
        let mut t = Transfer::new("xfer-service", "x", "sahyadri", "IN");
        t.activity = None;
        t.service = Some("fernwartung-brenner".into());
        t.country = None;
        r.transfers.push(t);
    });
    let f = findings
        .iter()
        .find(|f| f.code == "TRANSFER_DESTINATION_MISSING")
        .unwrap();
    assert_eq!(f.letter, Some(checks::Art30Letter::P2C));
    assert!(
        findings
            .iter()
            .any(|f| f.code == "TRANSFER_MECHANISM_MISSING" && f.target.id == "xfer-service")
    );
}

#[test]
fn repealed_law_is_recognised_in_the_stated_text_once() {
    let findings = variant(|r, _| {
        purpose(r, "videoueberwachung", 0).basis_as_stated =
            Some("§ 15 Abs. 3 TMG sowie § 96 Abs. 3 TKG".into())
    });
    let hits: Vec<_> = findings
        .iter()
        .filter(|f| f.code == "LAW_REPEALED")
        .collect();
    assert_eq!(hits.len(), 2, "{hits:#?}");
    assert!(
        hits.iter()
            .all(|f| f.target.field.as_deref() == Some("purposes[0].basis_as_stated"))
    );
    assert!(hits[0].message_de.contains("TMG") && hits[1].message_de.contains("TKG"));

    // A structured reference and the same law in the text: reported once, on the reference.
    let findings = variant(|r, _| {
        let p = purpose(r, "videoueberwachung", 0);
        p.national_law.push(NationalLawRef {
            code: "TTDSG_25_1".into(),
            as_stated: Some("§ 25 Abs. 1 TTDSG".into()),
        });
        p.basis_as_stated = Some("§ 25 Abs. 1 TTDSG i. V. m. Art. 6 Abs. 1 lit. f DSGVO".into());
    });
    let hits: Vec<_> = findings
        .iter()
        .filter(|f| f.code == "LAW_REPEALED")
        .collect();
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(
        hits[0].target.field.as_deref(),
        Some("purposes[0].national_law[0].code")
    );
    assert!(hits[0].message_en.contains("Section 25(1) TDDDG"));

    // The old numbering of § 7 UWG.
    let findings = variant(|r, _| {
        purpose(r, "newsletter", 0)
            .national_law
            .push(NationalLawRef {
                code: "UWG_7_2_NR3".into(),
                as_stated: None,
            })
    });
    let hit = findings.iter().find(|f| f.code == "LAW_REPEALED").unwrap();
    assert!(
        hit.message_de.contains("§ 7 Abs. 2 Nr. 2 UWG"),
        "{}",
        hit.message_de
    );
}

#[test]
fn explicit_consent_under_art9_needs_a_withdrawal_route() {
    let findings = variant(|r, _| {
        let p = purpose(r, "entgeltabrechnung", 2);
        p.art9_condition = Some(Art9Condition::ExplicitConsent);
    });
    let hits: Vec<_> = findings
        .iter()
        .filter(|f| f.code == "CONSENT_WITHDRAWAL_MISSING")
        .collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0].target.field.as_deref(),
        Some("purposes[2].consent.withdrawal")
    );
}

#[test]
fn implied_flag_alone_fires_and_retention_gap_is_per_category() {
    let findings = variant(|r, _| {
        purpose(r, "bewerbermanagement", 1)
            .consent
            .as_mut()
            .unwrap()
            .implied = true;
        act(r, "newsletter").data_categories[1].retention = None;
    });
    let implied = findings
        .iter()
        .find(|f| f.code == "CONSENT_IMPLIED")
        .unwrap();
    assert_eq!(
        implied.target.field.as_deref(),
        Some("purposes[1].consent.implied")
    );
    let gap = findings
        .iter()
        .find(|f| f.code == "ART30_1_F_RETENTION_MISSING")
        .unwrap();
    assert_eq!(gap.target.id, "newsletter");
    assert_eq!(
        gap.target.field.as_deref(),
        Some("data_categories[1].retention")
    );
    assert!(gap.message_en.contains("Einwilligungsnachweis"));
}

#[test]
fn dpf_age_is_configurable() {
    let mut reg = clean();
    set_dpf_check(&mut reg, Some(d("2026-10-15")));
    let mut o = opts();
    assert!(!codes(&run(&reg, &o)).contains(&"TRANSFER_DPF_CHECK_STALE"));
    o.dpf_max_age_days = 30;
    let findings = run(&reg, &o);
    let f = findings
        .iter()
        .find(|f| f.code == "TRANSFER_DPF_CHECK_STALE")
        .unwrap();
    assert!(
        f.message_en.contains("39 days ago, more than 30"),
        "{}",
        f.message_en
    );
}

#[test]
fn findings_are_deterministic_and_grouped_by_record() {
    let reg = fixture("otrs.json");
    let a = run(&reg, &opts());
    let b = run(&reg, &opts());
    assert_eq!(a, b);
    // Records appear in one block each, in register order.
    let mut blocks: Vec<(Entity, &str)> = Vec::new();
    for f in &a {
        let key = (f.target.entity, f.target.id.as_str());
        if blocks.last() != Some(&key) {
            assert!(!blocks.contains(&key), "{key:?} appears in two blocks");
            blocks.push(key);
        }
    }
    let activity_order: Vec<&str> = blocks
        .iter()
        .filter(|(e, _)| *e == Entity::Activity)
        .map(|(_, id)| *id)
        .collect();
    let register_order: Vec<&str> = reg
        .activities
        .iter()
        .map(|a| a.id.as_str())
        .filter(|id| activity_order.contains(id))
        .collect();
    assert_eq!(activity_order, register_order);
    let severities: BTreeMap<Severity, usize> = a.iter().fold(BTreeMap::new(), |mut m, f| {
        *m.entry(f.severity).or_default() += 1;
        m
    });
    assert_eq!(
        checks::Summary::of(&a).errors,
        severities.get(&Severity::Error).copied().unwrap_or(0)
    );
}

#[test]
fn implied_consent_wording_is_recognised_without_false_alarms() {
    fn implied(obtained: &'static str) -> bool {
        let mut reg = clean();
        purpose(&mut reg, "bewerbermanagement", 1)
            .consent
            .as_mut()
            .unwrap()
            .obtained = Some(obtained.into());
        run(&reg, &opts())
            .iter()
            .any(|f| f.code == "CONSENT_IMPLIED")
    }
    assert!(implied(
        "Mit der Nutzung dieser Website erklären Sie sich einverstanden."
    ));
    assert!(implied("By continuing to browse you accept our cookies."));
    assert!(!implied(
        "Given by using our cookie banner (\"Accept\" button)."
    ));
    assert!(!implied("Durch Anklicken des Kästchens im Formular."));
}

#[test]
fn a_review_due_today_is_soon_and_overdue_only_once_its_day_has_passed() {
    let opts = ReviewOptions::default();
    let today = d("2026-03-10");
    let mut a = Activity::new("a", "A-1", "Payroll");
    let status = |a: &Activity| a.review_state(today, &opts).status;
    assert_eq!(status(&a), ReviewStatus::Unscheduled);
    for (next, want) in [
        ("2026-03-09", ReviewStatus::Overdue),
        ("2026-03-10", ReviewStatus::Soon),
        ("2026-04-09", ReviewStatus::Soon),
        ("2026-04-10", ReviewStatus::Scheduled),
    ] {
        a.next_review = Some(d(next));
        assert_eq!(status(&a), want, "next review {next}");
        assert_eq!(a.review_state(today, &opts).due, Some(d(next)));
    }
    // Without a scheduled date the review falls due a year after the last one, as the review
    // check counts it.
    a.next_review = None;
    a.last_reviewed = Some(d("2025-03-09"));
    assert_eq!(a.review_state(today, &opts).due, Some(d("2026-03-09")));
    assert_eq!(status(&a), ReviewStatus::Overdue);
    let run = checks::check(&one_activity(a.clone()), &CheckOptions::on(today));
    assert!(codes(&run).contains(&"REVIEW_OVERDUE"));
    a.last_reviewed = Some(d("2025-03-10"));
    assert_eq!(status(&a), ReviewStatus::Soon);
    let run = checks::check(&one_activity(a), &CheckOptions::on(today));
    assert!(!codes(&run).contains(&"REVIEW_OVERDUE"));
}

fn one_activity(a: Activity) -> Register {
    let mut reg = fixture("otrs.json");
    reg.activities = vec![a];
    reg
}

#[test]
fn a_check_run_lists_errors_first_and_counts_them() {
    let findings = checks::check(&fixture("otrs.json"), &CheckOptions::on(d("2026-03-10")));
    let run = checks::CheckRun::of(findings.clone());
    assert_eq!(run.findings.len(), findings.len());
    let severities: Vec<Severity> = run.findings.iter().map(|f| f.severity).collect();
    assert!(
        severities.windows(2).all(|w| w[0] <= w[1]),
        "{severities:?}"
    );
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    assert_eq!(run.summary.errors, count(Severity::Error));
    assert_eq!(run.summary.warnings, count(Severity::Warning));
    assert_eq!(run.summary.infos, count(Severity::Info));
    // Within one severity the register order of `check` is kept.
    let errors: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    let listed: Vec<&Finding> = run
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors, listed);
}
