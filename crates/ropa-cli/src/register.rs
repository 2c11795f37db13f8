//! The register as a whole: its counts and `ropa info`.

use crate::{Failure, Out};
use ropa_core::Store;
use serde::Serialize;

#[derive(Serialize)]
pub(crate) struct Counts {
    activities: usize,
    parties: usize,
    agreements: usize,
    joint_arrangements: usize,
    transfers: usize,
    processor_services: usize,
    data_categories: usize,
    subject_categories: usize,
    toms: usize,
}

pub(crate) fn counts(store: &Store) -> Result<Counts, Failure> {
    use ropa_core::model::*;
    Ok(Counts {
        activities: store.list::<Activity>()?.len(),
        parties: store.list::<Party>()?.len(),
        agreements: store.list::<Agreement>()?.len(),
        joint_arrangements: store.list::<JointArrangement>()?.len(),
        transfers: store.list::<Transfer>()?.len(),
        processor_services: store.list::<ProcessorService>()?.len(),
        data_categories: store.list::<DataCategory>()?.len(),
        subject_categories: store.list::<SubjectCategory>()?.len(),
        toms: store.list::<Tom>()?.len(),
    })
}

pub(crate) fn counts_line(c: &Counts) -> String {
    format!(
        "{} activities, {} parties, {} agreements, {} joint arrangements, {} transfers, {} processor services",
        c.activities,
        c.parties,
        c.agreements,
        c.joint_arrangements,
        c.transfers,
        c.processor_services
    )
}

pub(crate) fn info(store: &Store, out: &Out) -> Result<(), Failure> {
    let org = store.organisation()?;
    let info = store.info()?;
    let counts = counts(store)?;
    let v = serde_json::json!({"organisation": org.legal_name, "register": info, "counts": counts});
    out.emit(&v, || {
        format!(
            "{}\nregister {} (schema {}), revision {}, last changed {}\n{}\n",
            org.legal_name,
            info.register_id,
            info.schema_version,
            info.revision,
            info.updated_at,
            counts_line(&counts)
        )
    })
}
