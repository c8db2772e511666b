/// The least time a kind of school record must be kept: a period a statute sets, one guidance
/// advises (the IRMS Information Management Toolkit for Schools, KCSIE), or both, each with its
/// source. A policy's rule that could destroy such records sooner is a finding: an error against
/// a statute, a warning against guidance (``RetentionFloorRule``). RULES.md §9; the sources and
/// how sure each is are in docs/retention.md.
public struct RetentionFloor: Sendable, Equatable {
    /// One minimum: from which day, for how long, and on whose word.
    public struct Minimum: Sendable, Equatable {
        /// The day the period runs from, as a policy's trigger names it: `date_of_birth`,
        /// `leaving_date` (leaving, or the end of employment) or `created` (the entry, the
        /// decision, the incident: the day the record is made).
        public var trigger: RetentionTrigger
        public var period: RetentionPeriod
        /// The statute or guidance, cited.
        public var source: String

        public init(_ period: RetentionPeriod, from trigger: RetentionTrigger, source: String) {
            self.trigger = trigger
            self.period = period
            self.source = source
        }

        /// "6 years from the record's making".
        public var plainEnglish: String {
            let from =
                switch trigger {
                case .dateOfBirth: "the date of birth"
                case .leavingDate: "leaving"
                case .created: "the day the record or entry is made"
                default: trigger.plainEnglish
                }
            return "\(period) from \(from)"
        }
    }

    /// A period set by law; a rule ending sooner breaks it.
    public var statutory: Minimum?
    /// A period guidance advises; a rule ending sooner needs a reason.
    public var guidance: Minimum?
    /// What else the law or guidance says of these records (a transfer, a review).
    public var note: String?

    public init(statutory: Minimum? = nil, guidance: Minimum? = nil, note: String? = nil) {
        self.statutory = statutory
        self.guidance = guidance
        self.note = note
    }
}
