/// The kinds of school record whose least retention is set by law or guidance: a record type
/// declares which it is (`kind:` in the policy), and the linter checks its rules against the
/// kind's ``RetentionFloor``.
public enum SchoolRecordKind: String, PolicyKeyword {
    case pupilRecordPrimary = "pupil_record_primary"
    case pupilRecordSecondary = "pupil_record_secondary"
    case senFile = "sen_file"
    case childProtection = "child_protection"
    case attendanceRegister = "attendance_register"
    case admissionRegister = "admission_register"
    case admissionsFile = "admissions_file"
    case exclusion
    case accidentAdult = "accident_adult"
    case accidentChild = "accident_child"
    case staffPersonnel = "staff_personnel"
    case staffAllegation = "staff_allegation"
    case recruitmentUnsuccessful = "recruitment_unsuccessful"
    case finance
    case freeSchoolMeals = "free_school_meals"
    case visitorLog = "visitor_log"
    case healthSurveillance = "health_surveillance"

    /// The kind in words.
    public var title: String {
        switch self {
        case .pupilRecordPrimary: "a primary school's pupil educational record"
        case .pupilRecordSecondary: "a pupil educational record kept by the last school"
        case .senFile: "an SEN file or EHC plan"
        case .childProtection: "a child protection file"
        case .attendanceRegister: "the attendance register"
        case .admissionRegister: "the admission register"
        case .admissionsFile: "admission applications and appeals"
        case .exclusion: "suspension and exclusion records"
        case .accidentAdult: "accident and incident records about adults"
        case .accidentChild: "accident and incident records about pupils"
        case .staffPersonnel: "a staff personnel file"
        case .staffAllegation: "a record of an allegation against staff"
        case .recruitmentUnsuccessful: "an unsuccessful candidate's application"
        case .finance: "financial and accounting records"
        case .freeSchoolMeals: "free school meals applications"
        case .visitorLog: "visitor logs"
        case .healthSurveillance: "health surveillance records (COSHH)"
        }
    }

    private static let irms = "IRMS Information Management Toolkit for Schools"
    private static let registers =
        "School Attendance (Pupil Registration) (England) Regulations 2024 (SI 2024/208) reg 7: every entry kept at least 6 years"

    /// The least time the kind is kept, with its sources.
    public var floor: RetentionFloor {
        switch self {
        case .pupilRecordPrimary:
            RetentionFloor(
                note:
                    "A maintained school sends the record to the next school within 15 school days of the pupil leaving (Education (Pupil Information) (England) Regulations 2005 reg 9(3)) and keeps no copy; with no next school, keep it as the last school does (date of birth + 25 years)."
            )
        case .pupilRecordSecondary, .exclusion:
            RetentionFloor(
                guidance: .init(
                    RetentionPeriod(years: 25), from: .dateOfBirth,
                    source:
                        "\(Self.irms), pupil records (limitation runs from 18, Limitation Act 1980 s 28, plus 6 years)"
                ))
        case .senFile:
            RetentionFloor(
                guidance: .init(
                    RetentionPeriod(years: 31), from: .dateOfBirth,
                    source:
                        "\(Self.irms), SEN files (an EHC plan may run to 25, Children and Families Act 2014 s 46, plus 6 years)"
                ))
        case .childProtection:
            RetentionFloor(
                guidance: .init(
                    RetentionPeriod(years: 25), from: .dateOfBirth, source: "\(Self.irms), child protection files"),
                note:
                    "Reviewed, not destroyed without review, at the end; KCSIE has the file sent to a new school separately."
            )
        case .attendanceRegister, .admissionRegister:
            RetentionFloor(statutory: .init(RetentionPeriod(years: 6), from: .created, source: Self.registers))
        case .admissionsFile:
            RetentionFloor(
                guidance: .init(
                    RetentionPeriod(years: 1), from: .created, source: "\(Self.irms), admissions (after the decision)"))
        case .accidentAdult:
            RetentionFloor(
                statutory: .init(
                    RetentionPeriod(years: 3), from: .created,
                    source:
                        "RIDDOR 2013 reg 12(2); Social Security (Claims and Payments) Regulations 1979 reg 25(3)"),
                guidance: .init(
                    RetentionPeriod(years: 6), from: .created,
                    source: "\(Self.irms), accident records (Limitation Act 1980 s 2, 5: 6 years)"))
        case .accidentChild:
            RetentionFloor(
                statutory: .init(RetentionPeriod(years: 3), from: .created, source: "RIDDOR 2013 reg 12(2)"),
                guidance: .init(
                    RetentionPeriod(years: 25), from: .dateOfBirth,
                    source: "\(Self.irms), accident records (limitation runs from 18, Limitation Act 1980 s 28)"))
        case .staffPersonnel:
            RetentionFloor(
                guidance: .init(
                    RetentionPeriod(years: 6), from: .leavingDate,
                    source: "\(Self.irms), personnel files (Limitation Act 1980 s 5: 6 years for contract claims)"))
        case .staffAllegation:
            RetentionFloor(
                guidance: .init(
                    RetentionPeriod(years: 10), from: .created,
                    source:
                        "Keeping Children Safe in Education, Part 4 (record keeping): until normal pension age, or 10 years from the allegation if longer"
                ),
                note: "Allegations found malicious are removed from the personnel file.")
        case .recruitmentUnsuccessful:
            RetentionFloor(
                guidance: .init(
                    RetentionPeriod(months: 6), from: .created,
                    source: "\(Self.irms), recruitment (the period to bring a claim)"))
        case .finance:
            RetentionFloor(
                statutory: .init(
                    RetentionPeriod(years: 6), from: .created,
                    source:
                        "HMRC record keeping (6 years from the end of the financial year); Companies Act 2006 s 388(4)"
                ))
        case .freeSchoolMeals:
            RetentionFloor(
                guidance: .init(
                    RetentionPeriod(years: 6), from: .created,
                    source: "Local authority schedules after HMRC's Compliance Handbook (6 years from the award)"))
        case .visitorLog:
            RetentionFloor(
                guidance: .init(RetentionPeriod(years: 6), from: .created, source: "\(Self.irms), visitors' books"))
        case .healthSurveillance:
            RetentionFloor(
                statutory: .init(
                    RetentionPeriod(years: 40), from: .created,
                    source: "Control of Substances Hazardous to Health Regulations 2002 reg 11(3)"))
        }
    }
}
