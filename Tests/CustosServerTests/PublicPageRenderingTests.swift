import Foundation
import Testing

@testable import CustosServer

/// Every privacy centre page's model (``PublicPage``) rendered in its template, with no server and
/// no store: each value reaches the page, nothing is left unrendered, and a `privacy-` template
/// added without a sample here fails. The console's pages have their own such test.
@Suite("Privacy centre pages: every model renders in its template")
struct PublicPageRenderingTests {
    /// A page rendered from sample data, and what must, and must not, show on it.
    struct Sample: Sendable {
        let template: String
        /// Whether the page is in the privacy centre's frame (`privacy-layout`): the cookie pages
        /// and the installation's home page are documents of their own.
        let framed: Bool
        let html: String
        let expected: [String]
        let absent: [String]
    }

    /// The privacy centre's frame, which its pages inherit: not a page of its own.
    static let layout = "privacy-layout"

    /// The templates whose pages this suite renders: every `privacy-` template but the frame, and `home`.
    static func isPublicPage(_ name: String) -> Bool {
        (name.hasPrefix("privacy-") && name != layout) || name == "home"
    }

    // MARK: Rendering

    static let organisation = "Ashe Primary Trust"
    static let workspace = "ashe"

    /// What the frame shows on every page in it, for Ashe Primary Trust's workspace `ashe`.
    static let frame = [
        #"<header class="brand"><a class="brand-name" href="/privacy/ashe">Ashe Primary Trust</a></header>"#,
        #"<link rel="stylesheet" href="/privacy/ashe/brand.css">"#,
        #"<p><a href="/privacy/ashe">Our privacy notice</a></p>"#,
    ]

    /// The GOV.UK error summary, which takes the focus when the page loads.
    static let errorSummary =
        #"<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">"#

    static func sample<P: PublicPage>(
        _ page: P, framed: Bool = true, expecting expected: String..., absent: [String] = []
    ) -> Sample {
        Sample(
            template: P.template, framed: framed, html: PublicPages.html(page), expected: expected, absent: absent)
    }

    // MARK: The samples

    static let samples: [Sample] = makeSamples()

    static func makeSamples() -> [Sample] {
        var samples: [Sample] = []

        // The installation's home page: with a workspace, and before the first.
        let ashe =
            #"<li><a href="/privacy/ashe">Ashe Primary Trust</a> "#
            + #"(<a href="/privacy/ashe/notice.md">Markdown</a>)</li>"#
        samples.append(
            sample(
                HomePage(
                    workspaces: [HomePage.Workspace(name: workspace, title: organisation)], hasWorkspaces: true),
                framed: false,
                expecting: ashe,
                "<h2>Privacy notices</h2>",
                absent: ["No workspace yet."]))
        samples.append(
            sample(
                HomePage(workspaces: [], hasWorkspaces: false), framed: false,
                expecting: "<p>No workspace yet. Create one with <code>custos init --policy FILE</code>.</p>",
                absent: ["<h2>Privacy notices</h2>"]))

        // The notice's versions, newest first: one in force with its changes, and the first.
        let versions = VersionsPage(
            organisation: organisation, workspace: workspace,
            versions: [
                VersionsPage.Version(
                    number: 2, current: true, first: false, day: "1 September 2025",
                    changes: ["Photographs of pupils are now kept for 5 years, not 7."]),
                VersionsPage.Version(number: 1, current: false, first: true, day: "1 September 2024", changes: []),
            ])
        samples.append(
            sample(
                versions,
                expecting: #"<h2 id="version-2">Version 2 (in force)</h2>"#,
                "<ul><li>Photographs of pupils are now kept for 5 years, not 7.</li></ul>",
                "<p>The first version.</p>"))

        // The retention schedule: a rule set by law, and one on no stated authority.
        let retention = RetentionPage(
            organisation: organisation, workspace: workspace,
            rows: [
                RetentionPage.Row(
                    recordName: "Pupil record", period: "Until the pupil is 25", action: "Destroyed securely",
                    authority: "Education (Pupil Information) (England) Regulations 2005", statutory: true),
                RetentionPage.Row(
                    recordName: "Visitor log", period: "1 year from the visit", action: "Deleted",
                    authority: "Not stated", statutory: false),
            ])
        samples.append(
            sample(
                retention,
                expecting: #"<td data-label="Record">Pupil record</td><td data-label="How long">Until the pupil"#,
                #"Education (Pupil Information) (England) Regulations 2005 (set by law)</td></tr>"#,
                #"<td data-label="Authority">Not stated</td></tr>"#))

        // Cookies: the register's table, and the example of a website loading the banner.
        let cookies = CookiesPage(
            organisation: organisation, workspace: workspace, asksAnything: true,
            categories: [
                CookiesPage.Category(
                    title: "Strictly necessary", asks: false,
                    cookies: [
                        CookiesPage.Cookie(
                            name: "custos_consent", party: "This site", provider: nil,
                            purpose: "Remembers your cookie choices", expiry: "1 year")
                    ]),
                CookiesPage.Category(
                    title: "Statistics", asks: true,
                    cookies: [
                        CookiesPage.Cookie(
                            name: "_ga", party: "Another organisation", provider: "Google Analytics",
                            purpose: "Counts visits to the website", expiry: "2 years")
                    ]),
            ])
        samples.append(
            sample(
                cookies, framed: false,
                expecting: #"<td data-label="Name">custos_consent</td><td data-label="Set by">This site</td>"#,
                #"<td data-label="Set by">Another organisation (Google Analytics)</td>"#,
                #"<p><button type="button" data-custos-cookie-settings>Change your cookie settings</button></p>"#))

        let example = CookiesExamplePage(
            organisation: organisation, workspace: workspace,
            gated: [CookiesExamplePage.Gated(category: "statistics", title: "Statistics", cookies: "_ga, _gid")])
        let gatedScript =
            #"<script type="text/plain" data-custos-category="statistics" "#
            + #"src="/privacy/ashe/cookies/example.js?category=statistics"></script>"#
        samples.append(
            sample(
                example, framed: false,
                expecting: "<title>Cookie banner example – Ashe Primary Trust</title>",
                "<p>Waiting for consent to Statistics: a script that sets <code>_ga, _gid</code>.</p>",
                gatedScript))

        // Email preferences: the form, come back with a problem; unsubscribing; a link that cannot be used.
        let preferences = PreferencesPage(
            organisation: organisation, workspace: workspace, token: "pref-token-123",
            groups: [
                PreferencesPage.Group(
                    name: "News from the trust", description: "What is happening at our schools.",
                    lines: [
                        PreferencesPage.Line(
                            id: "newsletters:termly:email", list: "Termly newsletter", channel: "By email",
                            checked: true, note: "You signed up at the summer fair."),
                        PreferencesPage.Line(
                            id: "events::post", list: "Events and open days", channel: "By post", checked: false,
                            note: "You asked us to stop on 1 March 2026."),
                    ])
            ],
            saved: false, error: "The form was out of date. Choose again", hasError: true)
        let termly =
            #"<input type="checkbox" name="subscribe" value="newsletters:termly:email" "#
            + #"id="line-newsletters:termly:email" checked>"#
        samples.append(
            sample(
                preferences,
                expecting: #"<div class="error-summary" role="alert" tabindex="-1" autofocus>"#,
                "<p>The form was out of date. Choose again</p>",
                termly,
                #"<input type="checkbox" name="subscribe" value="events::post" id="line-events::post">"#,
                absent: ["Your choices are saved."]))

        samples.append(
            sample(
                UnsubscribePage(
                    organisation: organisation, workspace: workspace, what: "the termly newsletter",
                    token: "unsub-token-123"),
                expecting: "<p>Stop getting the termly newsletter from Ashe Primary Trust by email?</p>",
                #"<form method="post" action="?token=unsub-token-123">"#))

        samples.append(
            sample(
                UnsubscribedPage(organisation: organisation, workspace: workspace, what: "the termly newsletter"),
                expecting: "<h1>You are unsubscribed</h1>",
                "<p>You will not get the termly newsletter from Ashe Primary Trust by email any more."))

        samples.append(
            sample(
                PreferencesProblemPage(
                    organisation: organisation, workspace: workspace,
                    message: "This link has expired. Use the link in a newer email from us."),
                expecting: "<title>Ashe Primary Trust: your email preferences</title>",
                "<p>This link has expired. Use the link in a newer email from us.</p>"))

        // Registering: the form, come back with a problem and a shared address; then the steps after it.
        let registration = RegistrationFormPage(
            title: "Error: Register", organisation: organisation, workspace: workspace, tellsLeads: true,
            hasProblems: true, problems: [PageProblem(field: "f-email", "Enter your email address")],
            typeName: "Staff account", typeDescription: "For staff at schools in the trust.",
            fields: [
                RecordFormView.Field(
                    name: "name", label: "Full name", value: "Jo Bloggs", marker: "required", isText: true,
                    isLongText: false, isChoice: false, isYesNo: false, yes: false, no: false, inputType: "text",
                    options: [], autocomplete: nil, hint: nil, consequence: nil, specialReason: nil, error: nil,
                    describedBy: nil),
                RecordFormView.Field(
                    name: "email", label: "Email address", value: "", marker: "required", isText: true,
                    isLongText: false, isChoice: false, isYesNo: false, yes: false, no: false, inputType: "email",
                    options: [], autocomplete: "email", hint: "We send the link to finish registering here.",
                    consequence: nil, specialReason: nil, error: "Enter your email address",
                    describedBy: "f-email-hint f-email-error"),
            ],
            choices: [
                RegistrationFormPage.Choice(
                    id: "f-choice-newsletter", value: "consent:newsletter",
                    label: "Yes: send me the termly newsletter", hint: "Sent by email each term.",
                    hintID: "f-choice-newsletter-hint", checked: true),
                // A choice with nothing to add: no hint, so nothing to describe it by.
                RegistrationFormPage.Choice(
                    id: "f-choice-relationship_marketing", value: "opt-out:relationship_marketing",
                    label: "Do not use my details for: Relationship marketing", hint: nil,
                    hintID: "f-choice-relationship_marketing-hint", checked: false),
            ],
            sharedAddress: "The address office@ashe.example looks like a school office address")
        let emailInput =
            #"<input type="email" id="f-email" name="email" value="" autocomplete="email" "#
            + #"aria-describedby="f-email-hint f-email-error" aria-invalid="true">"#
        let newsletter =
            #"<input type="checkbox" id="f-choice-newsletter" name="choice" value="consent:newsletter" checked "#
            + #"aria-describedby="f-choice-newsletter-hint">"#
        let relationshipMarketing =
            #"<input type="checkbox" id="f-choice-relationship_marketing" name="choice" "#
            + #"value="opt-out:relationship_marketing">"#
        samples.append(
            sample(
                registration,
                expecting: errorSummary,
                ##"<li><a href="#f-email">Enter your email address</a></li>"##,
                emailInput,
                newsletter,
                #"<p class="hint" id="f-choice-newsletter-hint">Sent by email each term.</p>"#,
                relationshipMarketing,
                "<p>The address office@ashe.example looks like a school office address. Accounts are personal",
                absent: [
                    #"aria-describedby="f-choice-relationship_marketing-hint""#,
                    #"id="f-choice-relationship_marketing-hint""#,
                ]))

        samples.append(
            sample(
                RegistrationSentPage(
                    title: "Check your email", organisation: organisation, workspace: workspace, hours: 24),
                expecting: "<title>Check your email: Ashe Primary Trust</title>",
                "Follow the link in the email within 24 hours to finish registering."))

        samples.append(
            sample(
                RegistrationConfirmPage(
                    title: "Finish registering", organisation: organisation, workspace: workspace,
                    token: "reg-token-123"),
                expecting: "<p>Confirm that you registered with Ashe Primary Trust, and that this email address",
                #"<form method="post" action="?token=reg-token-123">"#))

        samples.append(
            sample(
                RegisteredPage(
                    title: "You are registered", organisation: organisation, workspace: workspace, tellsLeads: true),
                expecting: "<p>Thank you: Ashe Primary Trust has your registration.</p>",
                "<p>We will let the lead users at your school know that you have registered.</p>",
                #"<a href="/privacy/ashe/request">ask us</a>"#))

        samples.append(
            sample(
                RegistrationProblemPage(
                    title: "This link cannot be used", organisation: organisation, workspace: workspace,
                    message: "The link has expired. Please register again."),
                expecting: "<h1>This link cannot be used</h1>", "<p>The link has expired. Please register again.</p>"))

        // Requests: the form, come back with a problem; the ways to ask where it is not taken
        // online; then the steps after it.
        let request = RequestFormPage(
            title: "Error: Make a request", organisation: organisation, workspace: workspace,
            deadline: "We answer within one month of confirming your request.",
            verification: "We may ask for proof of who you are.",
            kinds: [
                RequestFormPage.Kind(id: "kind", value: "access", label: "A copy of your information", checked: true),
                RequestFormPage.Kind(
                    id: "kind-erasure", value: "erasure", label: "Deleting your information", checked: false),
            ],
            name: "", email: "jo.bloggs@example.com", details: "The attendance records for my son",
            forSomeoneElse: true, relationship: "Parent", theirName: "Sam Bloggs",
            competence: "He is 8, and too young to ask for himself",
            hasProblems: true, problems: [PageProblem(field: "name", "Enter your full name")],
            nameError: "Enter your full name")
        let nameInput =
            #"<input type="text" id="name" name="name" autocomplete="name" value="" "#
            + #"aria-describedby="name-error" aria-invalid="true">"#
        samples.append(
            sample(
                request,
                expecting: errorSummary,
                // The request form's fields have bare ids, as `name`, and its summary links to them.
                ##"<li><a href="#name">Enter your full name</a></li>"##,
                nameInput,
                #"<input type="radio" name="kind" id="kind" value="access" checked>"#,
                "request. We may ask for proof of who you are.</p>",
                absent: [#"id="kind-error""#]))

        let offline = RequestOfflinePage(
            title: "How to make a request", organisation: organisation, workspace: workspace,
            ways: "by email or by letter",
            contacts: [
                RequestOfflinePage.Contact(
                    label: "Email", value: "dpo@ashe.example", href: "mailto:dpo@ashe.example"),
                RequestOfflinePage.Contact(label: "Post", value: "Ashe Primary Trust, Station Road, Ashford TN23 1AA"),
            ],
            hasContacts: true, kinds: ["A copy of your information", "Correcting your information"],
            deadline: "one month")
        samples.append(
            sample(
                offline,
                expecting: #"<dt>Email</dt><dd><a href="mailto:dpo@ashe.example">dpo@ashe.example</a></dd>"#,
                "<dt>Post</dt><dd>Ashe Primary Trust, Station Road, Ashford TN23 1AA</dd>",
                "<ul><li>A copy of your information</li><li>Correcting your information</li></ul>"))

        samples.append(
            sample(
                RequestSentPage(
                    title: "Check your email", organisation: organisation, workspace: workspace, hours: 24),
                expecting: "<title>Check your email: Ashe Primary Trust</title>",
                "Follow the link in the email within 24 hours to confirm your request."))

        samples.append(
            sample(
                RequestConfirmPage(
                    title: "Confirm your request", organisation: organisation, workspace: workspace,
                    token: "req-token-123"),
                expecting: #"<form method="post" action="?token=req-token-123">"#,
                "<p>Confirm that you made this request to Ashe Primary Trust, and that this email address is yours."))

        // Confirmed: once started, with the day it is answered by; and while staff check who asks.
        samples.append(
            sample(
                RequestConfirmedPage(
                    title: "Your request is confirmed", organisation: organisation, workspace: workspace,
                    reference: "R-2026-0042", forSomeoneElse: false, dueOn: "2 April 2026"),
                expecting: "<p>Your reference is <strong>R-2026-0042</strong>.</p>",
                "We will answer by <strong>2 April 2026</strong> at the latest.</p>",
                absent: ["We will be in touch to check who you are"]))
        samples.append(
            sample(
                RequestConfirmedPage(
                    title: "Your request is confirmed", organisation: organisation, workspace: workspace,
                    reference: "R-2026-0043", forSomeoneElse: true),
                expecting: "<p>Your reference is <strong>R-2026-0043</strong>.</p>",
                "<p>We will be in touch to check who you are, and your right to ask for the person you named.",
                absent: ["We have started on your request."]))

        samples.append(
            sample(
                RequestProblemPage(
                    title: "This link cannot be used", organisation: organisation, workspace: workspace,
                    message: "The link has expired. Please make your request again."),
                expecting: "<title>This link cannot be used: Ashe Primary Trust</title>",
                "<p>The link has expired. Please make your request again.</p>"))

        return samples
    }

    // MARK: The tests

    @Test("every privacy-centre page renders from its template with sample data")
    func everyPageRenders() {
        for sample in Self.samples {
            let html = sample.html
            let page = sample.template
            #expect(!html.isEmpty, "\(page) renders")
            #expect(html.hasPrefix("<!DOCTYPE html>"), "\(page) renders a whole page")
            #expect(html.contains(#"<html lang="en-GB">"#), "\(page) says its language")
            #expect(html.contains("</html>"), "\(page) renders a whole page")
            #expect(!html.contains("{{") && !html.contains("}}"), "\(page) leaves no Mustache unrendered")
            #expect(!html.contains("Optional("), "\(page) shows no optional as Swift prints it")
            #expect(html.range(of: #"\bnil\b"#, options: .regularExpression) == nil, "\(page) shows no nil")
            if sample.framed {
                for part in Self.frame {
                    #expect(html.contains(part), "\(page) is in the privacy centre's frame: \(part)")
                }
            } else {
                #expect(!html.contains(#"class="brand""#), "\(page) is a document of its own, with no frame")
            }
            for expected in sample.expected {
                #expect(html.contains(expected), "\(page) shows \(expected)")
            }
            for absent in sample.absent {
                #expect(!html.contains(absent), "\(page) does not show \(absent)")
            }
        }
    }

    @Test("every privacy-centre template has a sample, and every sample a template")
    func everyTemplateHasASample() {
        let names = Set(PageTemplates.names)
        #expect(names.contains(Self.layout), "the templates are found")
        let pages = Set(names.filter { $0.hasPrefix("privacy-") }).subtracting([Self.layout]).union(["home"])
        #expect(pages == Set(names.filter(Self.isPublicPage)), "the installation's home page has its template")
        let rendered = Set(Self.samples.map(\.template))
        #expect(
            pages.subtracting(rendered).isEmpty,
            "privacy centre templates without a sample: \(pages.subtracting(rendered).sorted())")
        #expect(
            rendered.subtracting(pages).isEmpty,
            "samples with no privacy centre template: \(rendered.subtracting(pages).sorted())")
        #expect(rendered == pages)
    }
}
