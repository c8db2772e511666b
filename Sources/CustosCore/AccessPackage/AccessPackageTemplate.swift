/// The report a person receives for a subject access request: plain, printable, standing alone.
enum AccessPackageTemplate {
    static let html = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{heading}}</title>
        <style>
        body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #0b0c0c; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
        th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b1b4b6; padding: 0.4rem 0.5rem 0.4rem 0; }
        th { width: 35%; }
        h2 { margin-top: 2.5rem; } h3 { margin-top: 2rem; }
        @media print { body { margin: 0; } }
        </style>
        </head>
        <body>
        <main>
        <h1>{{heading}}</h1>
        {{#access}}<p>This is our answer to your request for a copy of your personal data (UK GDPR Article 15){{#received}}, which we received on {{received}}{{/received}}. This copy was made on {{generated}}. It lists every record we hold about you, what we use it for and why we are allowed to, where it came from, who we share it with and how long we keep it.</p>{{/access}}
        {{#educationalRecord}}<p>This is your child's educational record as the school holds it, in answer to your request to see it (Education (Pupil Information) (England) Regulations 2005, regulation 5){{#received}}, which we received on {{received}}{{/received}}. This copy was made on {{generated}}. Seeing the record is free.{{#copyFee}} {{.}}{{/copyFee}}</p>{{/educationalRecord}}
        {{#contact}}<p>To ask about it, contact {{contact}}.</p>{{/contact}}

        <h2>Records about you</h2>
        {{#records}}
        <section>
        <h3>{{typeName}} ({{role}})</h3>
        <table>
        <tbody>
        {{#fields}}<tr><th scope="row">{{label}}</th><td>{{value}}</td></tr>
        {{/fields}}
        </tbody>
        </table>
        <dl>
        <dt>Where it came from</dt><dd>{{source}}</dd>
        <dt>Recorded</dt><dd>{{created}}; last changed {{updated}}</dd>
        <dt>What we use it for</dt>
        {{#uses}}<dd>{{purpose}}, on the lawful basis of {{lawfulBasis}}{{#automatedDecision}}. Automated decision: {{automatedDecision}}{{/automatedDecision}}</dd>
        {{/uses}}
        <dt>Who we share it with</dt><dd>{{#hasRecipients}}{{recipients}}{{/hasRecipients}}{{^hasRecipients}}No one outside our organisation.{{/hasRecipients}}</dd>
        <dt>How long we keep it</dt><dd>{{#hasRetention}}{{retention}}{{/hasRetention}}{{^hasRetention}}As our retention schedule says.{{/hasRetention}}</dd>
        </dl>
        {{#hasStatements}}
        <h4>Your statement about this record</h4>
        {{#statements}}<blockquote><p>{{.}}</p></blockquote>
        {{/statements}}
        {{/hasStatements}}
        {{#earlier}}
        <h4>As it was on {{asOf}}, before it was changed</h4>
        <table>
        <tbody>
        {{#fields}}<tr><th scope="row">{{label}}</th><td>{{value}}</td></tr>
        {{/fields}}
        </tbody>
        </table>
        {{/earlier}}
        </section>
        {{/records}}
        {{^hasRecords}}<p>We hold no records about you.</p>{{/hasRecords}}

        {{#hasConsents}}
        <h2>Your consents</h2>
        <table>
        <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">For</th><th scope="col">How</th></tr></thead>
        <tbody>
        {{#consents}}<tr><td>{{when}}</td><td>{{action}}</td><td>{{purpose}} ({{channel}}, {{list}})</td><td>{{source}}</td></tr>
        {{/consents}}
        </tbody>
        </table>
        {{/hasConsents}}

        {{#hasStates}}
        <h2>Restrictions and objections</h2>
        <ul>{{#states}}<li>{{.}}</li>{{/states}}</ul>
        {{/hasStates}}

        {{#hasMessages}}
        <h2>Messages we sent you</h2>
        <ul>{{#messages}}<li>{{template}} ({{purpose}}): {{events}}</li>{{/messages}}</ul>
        {{/hasMessages}}

        {{#hasDisclosures}}
        <h2>Who we have given your information to</h2>
        <table>
        <thead><tr><th scope="col">When</th><th scope="col">To</th><th scope="col">What</th><th scope="col">On what basis</th></tr></thead>
        <tbody>
        {{#disclosures}}<tr><td>{{on}}</td><td>{{recipient}}</td><td>{{what}}</td><td>{{ground}}</td></tr>
        {{/disclosures}}
        </tbody>
        </table>
        {{/hasDisclosures}}

        {{#access}}
        <h2>Decisions made by automated means</h2>
        {{#hasAutomatedDecisions}}<p>We make these decisions about you by automated means (UK GDPR Article 15(1)(h)); you may ask for a person to review any of them:</p>
        <ul>{{#automatedDecisions}}<li>{{.}}</li>{{/automatedDecisions}}</ul>{{/hasAutomatedDecisions}}
        {{^hasAutomatedDecisions}}<p>We make no decisions about you by automated means alone.</p>{{/hasAutomatedDecisions}}
        {{/access}}

        {{#hasWithheld}}
        <h2>What we have not given you</h2>
        <p>The law allows us to hold back some information, and we have done so on these grounds:</p>
        <ul>{{#withheld}}<li>{{ground}} ({{reference}})</li>{{/withheld}}</ul>
        {{/hasWithheld}}

        <h2>Your rights</h2>
        <p>You may ask us to correct what is wrong, to erase your data, to restrict or object to its use, or to have it in a form you can take elsewhere. If you are unhappy with how we have handled your data, you may complain to the Information Commissioner's Office (ico.org.uk, 0303 123 1113), and you may also seek a remedy through the courts.</p>
        <p>The same content is in <code>data.json</code> (for computers) and <code>records.csv</code> (for spreadsheets) beside this report.</p>
        </main>
        </body>
        </html>
        """
}
