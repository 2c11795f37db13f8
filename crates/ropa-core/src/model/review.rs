//! Reviews of activities: when the next one falls due and where it stands on a day.

use super::{Activity, Date};
use serde::{Deserialize, Serialize};

/// How reviews of activities are scheduled and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReviewOptions {
    /// An activity whose last review is older than this (and that has no `next_review` date)
    /// is overdue.
    pub max_age_days: u32,
    /// A review falling due within this many days is due soon.
    #[serde(default = "default_soon_days")]
    pub soon_days: u32,
    /// Report activities with neither a last-review nor a next-review date (as info).
    pub flag_unscheduled: bool,
}

fn default_soon_days() -> u32 {
    30
}

impl Default for ReviewOptions {
    fn default() -> Self {
        ReviewOptions {
            max_age_days: 365,
            soon_days: default_soon_days(),
            flag_unscheduled: false,
        }
    }
}

/// Where an activity's review stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// The due date has passed.
    Overdue,
    /// Falls due within [`ReviewOptions::soon_days`] (today included).
    Soon,
    /// Falls due later.
    Scheduled,
    /// Neither reviewed nor scheduled.
    Unscheduled,
}

/// An activity's review on a day ([`Activity::review_state`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReviewState {
    /// The activity's id.
    pub id: String,
    /// When the review falls due (`YYYY-MM-DD`), if it is recorded or scheduled.
    pub due: Option<Date>,
    /// Overdue, soon, scheduled or unscheduled.
    pub status: ReviewStatus,
}

impl Activity {
    /// The date the next review of this entry falls due: `next_review` when scheduled, else
    /// `max_age_days` after the last review; `None` when neither date is recorded. The review
    /// check reports the entry as overdue once this date has passed.
    pub fn review_due(&self, max_age_days: u32) -> Option<Date> {
        self.next_review.or_else(|| {
            self.last_reviewed
                .map(|last| Date::from_days(last.days_since_epoch() + i64::from(max_age_days)))
        })
    }

    /// Where this entry's review stands on `today`: overdue once its due date has passed (a
    /// review due today is not yet overdue), due soon within `soon_days` of today, scheduled
    /// later, or unscheduled when neither review date is recorded.
    pub fn review_state(&self, today: Date, opts: &ReviewOptions) -> ReviewState {
        let due = self.review_due(opts.max_age_days);
        let status = match due {
            None => ReviewStatus::Unscheduled,
            Some(d) if d < today => ReviewStatus::Overdue,
            Some(d) if today.days_until(d) <= i64::from(opts.soon_days) => ReviewStatus::Soon,
            Some(_) => ReviewStatus::Scheduled,
        };
        ReviewState {
            id: self.id.clone(),
            due,
            status,
        }
    }
}
