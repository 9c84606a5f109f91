//! Timeline data: one lane per council, one point per dated inspection.

use super::Corpus;
use crate::model::{InspectionKind, Judgement};
use std::collections::HashMap;

/// How lanes are ordered, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LaneOrder {
    /// By region, then council name; councils outside the gazetteer last.
    #[default]
    RegionThenName,
    /// Most events first, then by council name.
    MostEvents,
}

/// One council's lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// The council as the rows name it (canonical when in the gazetteer).
    pub council: String,
    pub region: Option<&'static str>,
    /// Number of points in the lane.
    pub events: usize,
}

/// How a point is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PointShape {
    /// A judgement: a marker coloured by it.
    Marker,
    /// A visit or another event without a judgement: a tick.
    Tick,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePoint {
    /// Index into [`Timeline::lanes`].
    pub lane: usize,
    /// Fractional year (see [`crate::model::PartialDate::fractional_year`]).
    pub x: f64,
    pub judgement: Option<Judgement>,
    pub kind: InspectionKind,
    pub shape: PointShape,
    /// Index into [`Corpus::rows`].
    pub row: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    pub lanes: Vec<Lane>,
    /// Ordered by lane, then by `x`.
    pub points: Vec<TimelinePoint>,
    /// Rows left out because they have no valid date.
    pub undated: usize,
    /// Dated rows left out because they name no council.
    pub without_council: usize,
    /// The smallest and largest `x`, when there are points.
    pub x_range: Option<(f64, f64)>,
}

impl Corpus {
    /// The timeline of `rows` (indices into [`Corpus::rows`], typically the
    /// filtered ones), lanes in `order`.
    pub fn timeline(&self, rows: &[usize], order: LaneOrder) -> Timeline {
        let mut timeline = Timeline::default();
        let mut lane_of: HashMap<&str, usize> = HashMap::new();
        let mut lanes: Vec<Lane> = Vec::new();
        let mut points: Vec<TimelinePoint> = Vec::new();
        for &i in rows {
            let Some(row) = self.rows.get(i) else {
                continue;
            };
            let Some(date) = row.parsed_date else {
                timeline.undated += 1;
                continue;
            };
            let Some(council) = row.council.as_deref() else {
                timeline.without_council += 1;
                continue;
            };
            let lane = *lane_of.entry(council).or_insert_with(|| {
                lanes.push(Lane {
                    council: council.to_string(),
                    region: row.region,
                    events: 0,
                });
                lanes.len() - 1
            });
            lanes[lane].events += 1;
            points.push(TimelinePoint {
                lane,
                x: date.fractional_year(),
                judgement: row.judgement,
                kind: row.kind,
                shape: if row.judgement.is_some() {
                    PointShape::Marker
                } else {
                    PointShape::Tick
                },
                row: i,
            });
        }

        let mut order_of: Vec<usize> = (0..lanes.len()).collect();
        match order {
            LaneOrder::RegionThenName => order_of.sort_by(|&a, &b| {
                let (a, b) = (&lanes[a], &lanes[b]);
                (a.region.is_none(), a.region, &a.council).cmp(&(
                    b.region.is_none(),
                    b.region,
                    &b.council,
                ))
            }),
            LaneOrder::MostEvents => order_of.sort_by(|&a, &b| {
                let (a, b) = (&lanes[a], &lanes[b]);
                b.events
                    .cmp(&a.events)
                    .then_with(|| a.council.cmp(&b.council))
            }),
        }
        let mut new_index = vec![0; lanes.len()];
        for (new, &old) in order_of.iter().enumerate() {
            new_index[old] = new;
        }
        for p in &mut points {
            p.lane = new_index[p.lane];
        }
        points.sort_by(|a, b| a.lane.cmp(&b.lane).then(a.x.total_cmp(&b.x)));
        let mut lanes: Vec<Option<Lane>> = lanes.into_iter().map(Some).collect();
        timeline.lanes = order_of
            .iter()
            .filter_map(|&old| lanes[old].take())
            .collect();
        timeline.x_range = points
            .iter()
            .map(|p| p.x)
            .fold(None, |range, x| match range {
                None => Some((x, x)),
                Some((lo, hi)) => Some((f64::min(lo, x), f64::max(hi, x))),
            });
        timeline.points = points;
        timeline
    }
}

#[cfg(test)]
mod tests {
    use super::super::CorpusFilter;
    use super::super::test_support::*;
    use super::*;
    use crate::model::Status;

    fn sample() -> Corpus {
        let mut a = record("a.txt", Status::Reviewed);
        a.inspections
            .push(inspection(Some("Leeds"), "2018-10", Some(Judgement::Good)));
        a.inspections
            .push(visit("Kent", "2019", InspectionKind::MonitoringVisit));
        a.inspections.push(inspection(
            Some("Kent"),
            "2017-01-01",
            Some(Judgement::Inadequate),
        ));
        let mut b = record("b.txt", Status::Reviewed);
        b.inspections
            .push(visit("Bradford", "2020-04", InspectionKind::FocusedVisit));
        b.inspections.push(inspection(
            Some("Bradford"),
            "",
            Some(Judgement::Inadequate),
        ));
        b.inspections
            .push(inspection(Some("Atlantis"), "2016", None));
        b.inspections
            .push(inspection(None, "2016", Some(Judgement::Good)));
        b.inspections
            .push(inspection(Some("Kent"), "2019-02-31", None));
        b.inspections
            .push(inspection(Some("Kent"), "2020-07", Some(Judgement::Good)));
        corpus_of(vec![a, b])
    }

    #[test]
    fn lanes_by_region_then_name_and_points_in_time() {
        let corpus = sample();
        let rows = corpus.filtered_rows(&CorpusFilter::default());
        let t = corpus.timeline(&rows, LaneOrder::RegionThenName);
        let lanes: Vec<(&str, usize)> = t
            .lanes
            .iter()
            .map(|l| (l.council.as_str(), l.events))
            .collect();
        // South East (Kent), then Yorkshire and The Humber (Bradford, Leeds),
        // then the council outside the gazetteer.
        assert_eq!(
            lanes,
            vec![("Kent", 3), ("Bradford", 1), ("Leeds", 1), ("Atlantis", 1)]
        );
        assert_eq!(t.undated, 2, "no date, and an impossible date");
        assert_eq!(t.without_council, 1);

        let kent: Vec<(f64, PointShape, usize)> = t
            .points
            .iter()
            .filter(|p| p.lane == 0)
            .map(|p| (p.x, p.shape, p.row))
            .collect();
        assert_eq!(
            kent,
            vec![
                (2017.0, PointShape::Marker, 2),
                (2019.5, PointShape::Tick, 1),
                (2020.5, PointShape::Marker, 8),
            ]
        );
        let leeds = t
            .points
            .iter()
            .find(|p| p.lane == 2)
            .expect("a Leeds point");
        assert_eq!(leeds.x, 2018.75);
        assert_eq!(leeds.judgement, Some(Judgement::Good));
        let bradford = t
            .points
            .iter()
            .find(|p| p.lane == 1)
            .expect("a Bradford point");
        assert_eq!(bradford.kind, InspectionKind::FocusedVisit);
        assert_eq!(bradford.shape, PointShape::Tick);
        assert_eq!(t.x_range, Some((2016.5, 2020.5)));
    }

    #[test]
    fn lanes_by_number_of_events() {
        let corpus = sample();
        let rows = corpus.filtered_rows(&CorpusFilter::default());
        let t = corpus.timeline(&rows, LaneOrder::MostEvents);
        let lanes: Vec<&str> = t.lanes.iter().map(|l| l.council.as_str()).collect();
        assert_eq!(lanes, vec!["Kent", "Atlantis", "Bradford", "Leeds"]);
        for p in &t.points {
            assert_eq!(
                corpus.rows()[p.row].council.as_deref(),
                Some(t.lanes[p.lane].council.as_str())
            );
        }
    }

    #[test]
    fn the_timeline_follows_the_filter() {
        let corpus = sample();
        let filter = CorpusFilter {
            text: "kent".into(),
            ..CorpusFilter::default()
        };
        let t = corpus.timeline(&corpus.filtered_rows(&filter), LaneOrder::RegionThenName);
        assert_eq!(t.lanes.len(), 1);
        assert_eq!(t.points.len(), 3);
        assert_eq!(t.undated, 1);
        let empty = corpus.timeline(&[], LaneOrder::RegionThenName);
        assert!(empty.lanes.is_empty());
        assert_eq!(empty.x_range, None);
    }
}
