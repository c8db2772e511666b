import Mustache

/// The server's HTML templates: the `.mustache` files of `Resources/templates`, compiled into the
/// program (so an installed `custos` needs no files beside it) and registered under their names
/// without the extension, so that pages inherit their frame (`{{<console-layout}}`) and share
/// partials (`{{> error-summary}}`). A template added to the folder is listed here too; a test
/// checks that the two agree.
enum PageTemplates {
    /// The templates' names and text, sorted by name.
    private static let files: [(name: String, bytes: [UInt8])] = [
        ("console-audit", PackageResources.console_audit_mustache),
        ("console-case", PackageResources.console_case_mustache),
        ("console-check-answers", PackageResources.console_check_answers_mustache),
        ("console-code", PackageResources.console_code_mustache),
        ("console-dashboard", PackageResources.console_dashboard_mustache),
        ("console-duplicates", PackageResources.console_duplicates_mustache),
        ("console-enrol", PackageResources.console_enrol_mustache),
        ("console-events", PackageResources.console_events_mustache),
        ("console-form", PackageResources.console_form_mustache),
        ("console-import-job", PackageResources.console_import_job_mustache),
        ("console-imports", PackageResources.console_imports_mustache),
        ("console-layout", PackageResources.console_layout_mustache),
        ("console-people", PackageResources.console_people_mustache),
        ("console-person", PackageResources.console_person_mustache),
        ("console-policy", PackageResources.console_policy_mustache),
        ("console-problem", PackageResources.console_problem_mustache),
        ("console-record-form", PackageResources.console_record_form_mustache),
        ("console-registers", PackageResources.console_registers_mustache),
        ("console-request", PackageResources.console_request_mustache),
        ("console-requests", PackageResources.console_requests_mustache),
        ("console-school", PackageResources.console_school_mustache),
        ("console-sign-in", PackageResources.console_sign_in_mustache),
        ("console-tasks", PackageResources.console_tasks_mustache),
        ("console-tokens", PackageResources.console_tokens_mustache),
        ("error-summary", PackageResources.error_summary_mustache),
        ("form-fields", PackageResources.form_fields_mustache),
        ("home", PackageResources.home_mustache),
        ("pager", PackageResources.pager_mustache),
        ("privacy-cookies", PackageResources.privacy_cookies_mustache),
        ("privacy-cookies-example", PackageResources.privacy_cookies_example_mustache),
        ("privacy-layout", PackageResources.privacy_layout_mustache),
        ("privacy-notice-versions", PackageResources.privacy_notice_versions_mustache),
        ("privacy-preferences-preferences", PackageResources.privacy_preferences_preferences_mustache),
        ("privacy-preferences-problem", PackageResources.privacy_preferences_problem_mustache),
        ("privacy-preferences-unsubscribe", PackageResources.privacy_preferences_unsubscribe_mustache),
        ("privacy-preferences-unsubscribed", PackageResources.privacy_preferences_unsubscribed_mustache),
        ("privacy-registration-confirm", PackageResources.privacy_registration_confirm_mustache),
        ("privacy-registration-form", PackageResources.privacy_registration_form_mustache),
        ("privacy-registration-problem", PackageResources.privacy_registration_problem_mustache),
        ("privacy-registration-registered", PackageResources.privacy_registration_registered_mustache),
        ("privacy-registration-sent", PackageResources.privacy_registration_sent_mustache),
        ("privacy-request-confirm", PackageResources.privacy_request_confirm_mustache),
        ("privacy-request-confirmed", PackageResources.privacy_request_confirmed_mustache),
        ("privacy-request-form", PackageResources.privacy_request_form_mustache),
        ("privacy-request-offline", PackageResources.privacy_request_offline_mustache),
        ("privacy-request-problem", PackageResources.privacy_request_problem_mustache),
        ("privacy-request-sent", PackageResources.privacy_request_sent_mustache),
        ("privacy-retention-schedule", PackageResources.privacy_retention_schedule_mustache),
        ("public-problem", PackageResources.public_problem_mustache),
        ("record-form-fields", PackageResources.record_form_fields_mustache),
        ("request-step-form", PackageResources.request_step_form_mustache),
    ]

    /// The library of every template. The templates ship with the program and are fixed: one that
    /// does not parse is a programming error, which the page tests catch.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, bytes) in files {
            do {
                library.register(try MustacheTemplate(string: String(decoding: bytes, as: UTF8.self)), named: name)
            } catch {
                fatalError("The template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    /// The names of every template, for the tests that render each one.
    static var names: [String] { files.map(\.name) }

    /// A template's text, as compiled in.
    static func text(of name: String) -> String? {
        files.first { $0.name == name }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}
