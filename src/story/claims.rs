//! The coverage table: claims are clusters of homologous sentences across
//! articles — the same fact or statement, however each outlet words it. The
//! clustering is the engine's (`align::claims`), so that a diff by claims pairs
//! exactly what the story counts.

pub(crate) use crate::align::claims::{
    cluster, cluster_from_pairs, shared_claims_read, Clusters, Reading, Sent,
};
