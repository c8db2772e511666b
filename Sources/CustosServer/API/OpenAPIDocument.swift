/// The API's OpenAPI 3.1 description, served at `/api/v1/openapi.json`. A test checks that it
/// names exactly the routes the router has, with the same methods.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Custos API",
            "version": "1",
            "description": "Subjects, records, schools, consent, contact decisions, the suppression list and audiences of one workspace. Every call but this document needs an API token (`custos token add`), sent as `Authorization: Bearer custos_...`; a token reaches its own workspace only, and its role decides which record types and fields it sees (the policy's access rules). Reads and writes are audited. Reading or writing a person's records names its purpose in `Custos-Purpose` (a purpose id of the policy), and the policy, the role and the person's consent, restriction and objection decide it (docs/api.md); `Custos-Reason` says why. Identifiers are searched with a POST so they never appear in URLs."
          },
          "servers": [{ "url": "/api/v1" }],
          "security": [{ "bearer": [] }],
          "paths": {
            "/openapi.json": {
              "get": {
                "operationId": "getOpenAPI",
                "summary": "This document",
                "security": [],
                "responses": { "200": { "description": "The OpenAPI document", "content": { "application/json": { "schema": { "type": "object" } } } } }
              }
            },
            "/schools": {
              "get": {
                "operationId": "listSchools",
                "summary": "The workspace's schools",
                "responses": {
                  "200": { "description": "Schools", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SchoolList" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" }
                }
              },
              "post": {
                "operationId": "addSchool",
                "summary": "Add a school (dpo and admin tokens)",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SchoolCreation" } } } },
                "responses": {
                  "201": { "description": "The school added", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/School" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "409": { "$ref": "#/components/responses/Conflict" }
                }
              }
            },
            "/schools/{school}/subjects": {
              "get": {
                "operationId": "listSchoolSubjects",
                "summary": "The people who belong to a school (ids and dates only)",
                "parameters": [{ "$ref": "#/components/parameters/School" }],
                "responses": {
                  "200": { "description": "Subjects", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SubjectList" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/subjects/search": {
              "post": {
                "operationId": "searchSubjects",
                "summary": "Find people by an identifier (email, phone, UPN, ULN, staff number)",
                "parameters": [{ "$ref": "#/components/parameters/Purpose" }, { "$ref": "#/components/parameters/Reason" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/IdentifierSearch" } } } },
                "responses": {
                  "200": { "description": "Matches; more than one means likely duplicates", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SubjectList" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/subjects/{subject}": {
              "get": {
                "operationId": "getSubject",
                "summary": "A person and every part of every record about them the token may see",
                "parameters": [{ "$ref": "#/components/parameters/Subject" }, { "$ref": "#/components/parameters/Purpose" }, { "$ref": "#/components/parameters/Reason" }],
                "responses": {
                  "200": { "description": "The subject", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SubjectDocument" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/records": {
              "post": {
                "operationId": "writeRecord",
                "summary": "Write a record; its people are found by identifier or made. A person's existing record of the type is replaced.",
                "parameters": [{ "$ref": "#/components/parameters/Purpose" }, { "$ref": "#/components/parameters/Reason" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RecordCreation" } } } },
                "responses": {
                  "201": { "description": "A new record", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RecordWriteResult" } } } },
                  "200": { "description": "The person's existing record of this type, replaced", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RecordWriteResult" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "422": { "$ref": "#/components/responses/InvalidRecord" }
                }
              }
            },
            "/records/{record}": {
              "get": {
                "operationId": "getRecord",
                "summary": "One record: each person's part the token may see",
                "parameters": [{ "$ref": "#/components/parameters/Record" }, { "$ref": "#/components/parameters/Purpose" }, { "$ref": "#/components/parameters/Reason" }],
                "responses": {
                  "200": { "description": "The record", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RecordDocument" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              },
              "patch": {
                "operationId": "changeRecord",
                "summary": "Change some fields of a record; null clears a field. The whole record is checked again.",
                "parameters": [{ "$ref": "#/components/parameters/Record" }, { "$ref": "#/components/parameters/Purpose" }, { "$ref": "#/components/parameters/Reason" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RecordChange" } } } },
                "responses": {
                  "200": { "description": "The record, changed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RecordWriteResult" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "409": { "$ref": "#/components/responses/Conflict" },
                  "422": { "$ref": "#/components/responses/InvalidRecord" }
                }
              }
            },
            "/subjects/{subject}/consents": {
              "get": {
                "operationId": "getConsents",
                "summary": "A person's consent ledger and processing states, oldest first",
                "parameters": [{ "$ref": "#/components/parameters/Subject" }, { "$ref": "#/components/parameters/Purpose" }, { "$ref": "#/components/parameters/Reason" }],
                "responses": {
                  "200": { "description": "The ledger", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ConsentLedger" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              },
              "post": {
                "operationId": "recordConsent",
                "summary": "Record a consent given or withdrawn: a new ledger entry, nothing rewritten",
                "parameters": [{ "$ref": "#/components/parameters/Subject" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ConsentCreation" } } } },
                "responses": {
                  "201": { "description": "The entry", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ConsentEntry" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "422": { "$ref": "#/components/responses/Refused" }
                }
              }
            },
            "/subjects/{subject}/opt-out": {
              "post": {
                "operationId": "optOut",
                "summary": "Withdraw every marketing consent and suppress the person's addresses for marketing (administrative messages still go)",
                "parameters": [{ "$ref": "#/components/parameters/Subject" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OptOut" } } } },
                "responses": {
                  "200": { "description": "The withdrawals", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ConsentEntryList" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "422": { "$ref": "#/components/responses/Refused" }
                }
              }
            },
            "/contact-decisions": {
              "get": {
                "operationId": "askContactDecision",
                "summary": "The same decision asked with a GET, the question in the query: nothing to decode",
                "parameters": [
                  { "name": "subject", "in": "query", "required": true, "schema": { "type": "string", "format": "uuid" } },
                  { "name": "purpose", "in": "query", "required": true, "schema": { "type": "string" } },
                  { "name": "channel", "in": "query", "required": true, "schema": { "type": "string", "enum": ["email", "sms", "phone", "post", "fax"] } },
                  { "name": "list", "in": "query", "required": false, "description": "Required when the purpose has lists", "schema": { "type": "string" } }
                ],
                "responses": {
                  "200": { "description": "The decision and its reason", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ContactDecision" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              },
              "post": {
                "operationId": "decideContact",
                "summary": "May this person be contacted on this channel for this purpose (and list), now?",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ContactQuestion" } } } },
                "responses": {
                  "200": { "description": "The decision and its reason", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ContactDecision" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/requests": {
              "get": {
                "operationId": "listRequests",
                "summary": "The register of requests, soonest due first (open ones unless all=true)",
                "parameters": [{ "name": "all", "in": "query", "required": false, "schema": { "type": "boolean" } }],
                "responses": {
                  "200": { "description": "The requests", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RequestList" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              },
              "post": {
                "operationId": "takeRequest",
                "summary": "Take in a request made by phone, letter, email or in person",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RequestCreation" } } } },
                "responses": {
                  "201": { "description": "The request, with its due date once the clock runs", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Request" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/requests/{request}": {
              "get": {
                "operationId": "getRequest",
                "summary": "A request, its history, and the steps that give its due date",
                "parameters": [{ "$ref": "#/components/parameters/Request" }],
                "responses": {
                  "200": { "description": "The request", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RequestDetail" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/requests/{request}/package": {
              "get": {
                "operationId": "getAccessPackage",
                "summary": "The zip the person receives for an access request: report.html, data.json, records.csv",
                "parameters": [{ "$ref": "#/components/parameters/Request" }],
                "responses": {
                  "200": { "description": "The package", "content": { "application/zip": { "schema": { "type": "string", "format": "binary" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/requests/{request}/events": {
              "post": {
                "operationId": "recordRequestStep",
                "summary": "Record a step on a request: refused with the reason when its state does not allow it",
                "parameters": [{ "$ref": "#/components/parameters/Request" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RequestEventCreation" } } } },
                "responses": {
                  "200": { "description": "The request as it now stands", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Request" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/requests/{request}/subject": {
              "post": {
                "operationId": "tieRequest",
                "summary": "Record the person a request is about (one made online from an address on file for no one); refused if it is already another's",
                "parameters": [{ "$ref": "#/components/parameters/Request" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RequestTie" } } } },
                "responses": {
                  "200": { "description": "The request as it now stands", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Request" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/requests/{request}/erasure": {
              "get": {
                "operationId": "assessErasure",
                "summary": "What carrying out an erasure request would erase and keep (UK GDPR Art 17(3)), whom it affects, who must be told",
                "parameters": [
                  { "$ref": "#/components/parameters/Request" },
                  { "name": "erase_despite", "in": "query", "required": false, "description": "Record types, comma-separated, to erase although a public task could keep them", "schema": { "type": "string" } },
                  { "name": "day", "in": "query", "required": false, "schema": { "type": "string", "format": "date" } }
                ],
                "responses": {
                  "200": { "description": "The assessment", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErasureAssessment" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              },
              "post": {
                "operationId": "carryOutErasure",
                "summary": "Carry out an erasure request and complete it; returns its certificate (the same one if run again)",
                "parameters": [{ "$ref": "#/components/parameters/Request" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErasureExecution" } } } },
                "responses": {
                  "200": { "description": "The certificate", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErasureCertificate" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "422": { "$ref": "#/components/responses/Refused" }
                }
              }
            },
            "/requests/{request}/certificate": {
              "get": {
                "operationId": "getErasureCertificate",
                "summary": "The certificate of an erasure carried out",
                "parameters": [{ "$ref": "#/components/parameters/Request" }],
                "responses": {
                  "200": { "description": "The certificate", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErasureCertificate" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/requests/{request}/restriction": {
              "post": {
                "operationId": "carryOutRestriction",
                "summary": "Carry out a restriction request: the data is only stored until lifted (Art 18)",
                "parameters": [{ "$ref": "#/components/parameters/Request" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RestrictionExecution" } } } },
                "responses": {
                  "200": { "description": "The request, completed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Request" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/requests/{request}/objection": {
              "post": {
                "operationId": "answerObjection",
                "summary": "Answer an objection: each purpose stops unless the DPO records compelling grounds (Art 21); marketing always stops",
                "parameters": [{ "$ref": "#/components/parameters/Request" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ObjectionAnswer" } } } },
                "responses": {
                  "200": { "description": "The request, completed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Request" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/requests/{request}/rectification": {
              "post": {
                "operationId": "carryOutRectification",
                "summary": "Correct the person's part of a record, keeping the earlier values (Art 16), or refuse and attach their statement",
                "parameters": [{ "$ref": "#/components/parameters/Request" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RectificationExecution" } } } },
                "responses": {
                  "200": { "description": "The request, completed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Request" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/requests/{request}/portable": {
              "get": {
                "operationId": "getPortableData",
                "summary": "The data the person gave, on consent or for a contract, as JSON and CSV in a zip (Art 20)",
                "parameters": [{ "$ref": "#/components/parameters/Request" }],
                "responses": {
                  "200": { "description": "The zip", "content": { "application/zip": { "schema": { "type": "string", "format": "binary" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/requests/{request}/withholdings": {
              "post": {
                "operationId": "withholdFromAccessRequest",
                "summary": "Hold back a record, or some of its fields, from an access request under an exemption the policy lists",
                "parameters": [{ "$ref": "#/components/parameters/Request" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/WithholdingCreation" } } } },
                "responses": {
                  "201": { "description": "The item held back", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Withholding" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/legal-holds": {
              "get": {
                "operationId": "listLegalHolds",
                "summary": "The legal holds standing (all=true for released ones too)",
                "parameters": [{ "name": "all", "in": "query", "required": false, "schema": { "type": "boolean" } }],
                "responses": {
                  "200": { "description": "The holds", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/LegalHoldList" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              },
              "post": {
                "operationId": "placeLegalHold",
                "summary": "Keep a person's records, or every record of a type, for a legal claim (DPO and admin)",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/LegalHoldCreation" } } } },
                "responses": {
                  "201": { "description": "The hold", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/LegalHold" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/legal-holds/{hold}/release": {
              "post": {
                "operationId": "releaseLegalHold",
                "summary": "Release a legal hold (DPO and admin)",
                "parameters": [
                  { "$ref": "#/components/parameters/Hold" },
                  { "name": "day", "in": "query", "required": false, "schema": { "type": "string", "format": "date" } }
                ],
                "responses": {
                  "204": { "description": "Released" },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/tasks": {
              "get": {
                "operationId": "listTasks",
                "summary": "Work the law asks of staff, soonest due first (all=true for done ones too)",
                "parameters": [{ "name": "all", "in": "query", "required": false, "schema": { "type": "boolean" } }],
                "responses": {
                  "200": { "description": "The tasks", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TaskList" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/tasks/{task}/done": {
              "post": {
                "operationId": "completeTask",
                "summary": "Mark a task done, with how (or why it could not be done)",
                "parameters": [{ "$ref": "#/components/parameters/Task" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TaskCompletion" } } } },
                "responses": {
                  "204": { "description": "Done" },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/school-calendar": {
              "get": {
                "operationId": "getSchoolCalendar",
                "summary": "The terms and closures parents' requests for the educational record are counted on",
                "responses": {
                  "200": { "description": "The calendar", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SchoolCalendar" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/school-calendar/terms": {
              "post": {
                "operationId": "addTerm",
                "summary": "Add a term, first day to last (terms may not overlap)",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TermCreation" } } } },
                "responses": {
                  "200": { "description": "The calendar", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SchoolCalendar" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/school-calendar/closures": {
              "post": {
                "operationId": "addClosure",
                "summary": "Add a day in a term when the school is closed to pupils",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ClosureCreation" } } } },
                "responses": {
                  "200": { "description": "The calendar", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SchoolCalendar" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/suppressions": {
              "post": {
                "operationId": "suppressAddress",
                "summary": "Put an email address or phone number on the suppression list (only its keyed hash is kept)",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SuppressionCreation" } } } },
                "responses": {
                  "200": { "description": "The address's state", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SuppressionState" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/suppressions/check": {
              "post": {
                "operationId": "checkSuppression",
                "summary": "Whether an address is on the suppression list",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SuppressionCheck" } } } },
                "responses": {
                  "200": { "description": "The address's state", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SuppressionState" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/audiences": {
              "get": {
                "operationId": "exportAudience",
                "summary": "The people who may be contacted for a purpose, with their addresses (dpo and admin tokens; audited with the count)",
                "parameters": [
                  { "name": "purpose", "in": "query", "required": true, "schema": { "type": "string" } },
                  { "name": "channel", "in": "query", "required": false, "schema": { "type": "string", "enum": ["email", "sms", "phone", "post", "fax"], "default": "email" } },
                  { "name": "list", "in": "query", "required": false, "description": "Required when the purpose has lists", "schema": { "type": "string" } },
                  { "name": "format", "in": "query", "required": false, "schema": { "type": "string", "enum": ["json", "csv"], "default": "json" } },
                  { "$ref": "#/components/parameters/Reason" }
                ],
                "responses": {
                  "200": { "description": "The audience", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Audience" } }, "text/csv": { "schema": { "type": "string" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            }
          },
          "components": {
            "securitySchemes": {
              "bearer": { "type": "http", "scheme": "bearer", "description": "An API token made by `custos token add`" }
            },
            "parameters": {
              "School": { "name": "school", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
              "Subject": { "name": "subject", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
              "Request": { "name": "request", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
              "Record": { "name": "record", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
              "Hold": { "name": "hold", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
              "Task": { "name": "task", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
              "Purpose": { "name": "Custos-Purpose", "in": "header", "required": false, "description": "The purpose of the use (a purpose id of the policy): required to read, change or write a person's records, and decided by the policy; recorded in the audit log", "schema": { "type": "string", "maxLength": 500 } },
              "Reason": { "name": "Custos-Reason", "in": "header", "required": false, "description": "Why the access is needed, for the audit log", "schema": { "type": "string", "maxLength": 500 } }
            },
            "responses": {
              "BadRequest": { "description": "Malformed input", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Unauthorized": { "description": "No live token", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Forbidden": { "description": "The token's role may not do this", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "NotFound": { "description": "No such thing in the token's workspace and reach", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Conflict": { "description": "Clashes with what is stored: a URN taken, or an erased person's identifier (code suppressed)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Refused": { "description": "Not done: for example the person was erased (code refused)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "InvalidRecord": { "description": "The record breaks its type's rules; each field's problem is listed (code invalid_record)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            },
            "schemas": {
              "Error": {
                "type": "object",
                "required": ["error"],
                "properties": {
                  "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {
                      "code": { "type": "string", "enum": ["unauthorized", "forbidden", "not_found", "method_not_allowed", "bad_request", "invalid_record", "refused", "conflict", "suppressed", "payload_too_large", "internal"] },
                      "message": { "type": "string" },
                      "problems": { "type": "array", "items": { "$ref": "#/components/schemas/Problem" } }
                    }
                  }
                }
              },
              "Problem": {
                "type": "object",
                "required": ["field", "message", "warning"],
                "properties": { "field": { "type": "string" }, "message": { "type": "string" }, "warning": { "type": "boolean" } }
              },
              "School": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "name": { "type": "string" },
                  "urn": { "type": "string", "pattern": "^[0-9]{6}$" },
                  "laCode": { "type": "string", "pattern": "^[0-9]{3}$" }
                }
              },
              "RequestCreation": {
                "type": "object",
                "required": ["kind", "channel"],
                "properties": {
                  "kind": { "type": "string", "enum": ["access", "rectification", "erasure", "restriction", "objection", "portability", "automated_decision_review", "consent_withdrawal", "educational_record"] },
                  "subject": { "type": "string", "format": "uuid" },
                  "channel": { "type": "string", "enum": ["web", "email", "phone", "letter", "in_person"] },
                  "received": { "type": "string", "format": "date", "description": "Today when left out" },
                  "identityShown": { "type": "boolean", "description": "Staff know the requester: the clock starts on receipt" },
                  "feeGround": { "type": "string", "enum": ["manifestly_unfounded_or_excessive", "further_copies"], "description": "The ground a fee is charged on (one the policy's rights.fees lists), awaited before the clock starts; requests are free otherwise" },
                  "awaitsFee": { "type": "boolean", "description": "Deprecated: true without feeGround is refused" },
                  "onBehalfAs": { "type": "string", "description": "The requester's relationship to the person" },
                  "competence": { "type": "string", "description": "With onBehalfAs: the decision on the person's competence" }
                }
              },
              "RequestEventCreation": {
                "type": "object",
                "required": ["action"],
                "properties": {
                  "action": { "type": "string", "enum": ["verified", "fee_received", "clarification_asked", "clarification_received", "extended", "submitted_for_approval", "approved", "refused", "completed"] },
                  "day": { "type": "string", "format": "date", "description": "Today when left out" },
                  "reason": { "type": "string", "description": "Required to extend, approve or refuse" }
                }
              },
              "RequestTie": {
                "type": "object",
                "required": ["subject"],
                "properties": { "subject": { "type": "string", "format": "uuid" } }
              },
              "Request": {
                "type": "object",
                "required": ["id", "reference", "kind", "channel", "state", "received", "awaitsFee"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "reference": { "type": "string", "description": "The reference people quote: R-, the year received and the request's number in the register, e.g. R-2026-0042" },
                  "kind": { "type": "string" },
                  "subject": { "type": "string", "format": "uuid" },
                  "channel": { "type": "string" },
                  "state": { "type": "string", "enum": ["awaiting_verification", "in_progress", "awaiting_clarification", "awaiting_approval", "completed", "refused"] },
                  "received": { "type": "string", "format": "date" },
                  "due": { "type": "string", "format": "date", "description": "Absent while identity or a fee is awaited, or the school calendar ends too soon" },
                  "awaitsFee": { "type": "boolean" },
                  "feeGround": { "type": "string", "enum": ["manifestly_unfounded_or_excessive", "further_copies"] },
                  "waitingFor": { "type": "string", "enum": ["identity", "fee", "school_calendar"], "description": "While open with no due date: what is awaited (school_calendar: the clock runs, and the calendar must reach the 15th school day)" },
                  "onBehalfAs": { "type": "string" },
                  "competence": { "type": "string" }
                }
              },
              "RequestList": {
                "type": "object",
                "required": ["requests"],
                "properties": { "requests": { "type": "array", "items": { "$ref": "#/components/schemas/Request" } } }
              },
              "RequestDetail": {
                "type": "object",
                "required": ["request", "events", "deadlineSteps"],
                "properties": {
                  "request": { "$ref": "#/components/schemas/Request" },
                  "events": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["action", "day", "actor"],
                      "properties": {
                        "action": { "type": "string" }, "day": { "type": "string", "format": "date" },
                        "actor": { "type": "string" }, "reason": { "type": "string" }
                      }
                    }
                  },
                  "deadlineSteps": { "type": "array", "items": { "type": "string" } },
                  "deadlineWarning": { "type": "string", "description": "When the due date falls in a year whose bank holidays are not known: import GOV.UK's list" }
                }
              },
              "ErasureAssessment": {
                "type": "object",
                "required": ["request", "subject", "erasesEverything", "items", "sharedRecords", "recipients", "needsApproval", "approved"],
                "properties": {
                  "request": { "type": "string", "format": "uuid" },
                  "subject": { "type": "string", "format": "uuid" },
                  "erasesEverything": { "type": "boolean", "description": "Nothing is kept: the person's key is destroyed" },
                  "items": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["recordType", "typeName", "count", "action"],
                      "properties": {
                        "recordType": { "type": "string" }, "typeName": { "type": "string" }, "count": { "type": "integer" },
                        "action": { "type": "string", "enum": ["erase", "keep"] },
                        "exemption": { "type": "string", "description": "e.g. UK GDPR Art 17(3)(e)" },
                        "why": { "type": "string" },
                        "mayOverride": { "type": "boolean", "description": "Whether erase_despite may set the exemption aside" },
                        "overridden": { "type": "string", "description": "The exemption set aside by erase_despite" }
                      }
                    }
                  },
                  "sharedRecords": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["record", "recordType", "role", "others"],
                      "properties": {
                        "record": { "type": "string", "format": "uuid" }, "recordType": { "type": "string" }, "role": { "type": "string" },
                        "others": {
                          "type": "array",
                          "items": {
                            "type": "object", "required": ["subject", "role"],
                            "properties": { "subject": { "type": "string", "format": "uuid" }, "role": { "type": "string" } }
                          }
                        }
                      }
                    }
                  },
                  "recipients": { "type": "array", "items": { "type": "string" } },
                  "needsApproval": { "type": "boolean" },
                  "approved": { "type": "boolean" }
                }
              },
              "ErasureExecution": {
                "type": "object",
                "required": ["ground"],
                "properties": {
                  "ground": { "type": "string", "enum": ["no_longer_necessary", "consent_withdrawn", "objection", "unlawful", "legal_obligation", "child_online_service", "malicious_allegation"] },
                  "eraseDespite": { "type": "array", "items": { "type": "string" } },
                  "day": { "type": "string", "format": "date" }
                }
              },
              "ErasureCertificate": {
                "type": "object",
                "required": ["controller", "requestID", "subjectID", "ground", "receivedOn", "erasedOn", "erased", "kept", "keyDestroyed", "addressesSuppressed", "recipients", "carriedOutBy", "text"],
                "properties": {
                  "controller": { "type": "string" },
                  "requestID": { "type": "string", "format": "uuid" },
                  "subjectID": { "type": "string", "format": "uuid" },
                  "ground": { "type": "string" },
                  "receivedOn": { "type": "string", "format": "date" },
                  "erasedOn": { "type": "string", "format": "date" },
                  "erased": { "type": "array", "items": { "$ref": "#/components/schemas/ErasureLine" } },
                  "kept": { "type": "array", "items": { "$ref": "#/components/schemas/ErasureLine" } },
                  "keyDestroyed": { "type": "boolean" },
                  "lastBackupExpires": { "type": "string", "format": "date", "description": "When the last backup made before the erasure, still holding a copy, expires; absent when none was" },
                  "addressesSuppressed": { "type": "integer" },
                  "recipients": { "type": "array", "items": { "type": "string" } },
                  "approvedBy": { "type": "string" },
                  "carriedOutBy": { "type": "string" },
                  "text": { "type": "string", "description": "The certificate as a letter to the person" }
                }
              },
              "ErasureLine": {
                "type": "object",
                "required": ["recordType", "typeName", "count"],
                "properties": {
                  "recordType": { "type": "string" }, "typeName": { "type": "string" }, "count": { "type": "integer" },
                  "exemption": { "type": "string" }, "why": { "type": "string" }
                }
              },
              "RestrictionExecution": {
                "type": "object",
                "required": ["ground"],
                "properties": {
                  "ground": { "type": "string", "enum": ["accuracy_contested", "unlawful", "legal_claims", "objection_pending"] },
                  "purposes": { "type": "array", "items": { "type": "string" }, "description": "Every purpose when left out" },
                  "day": { "type": "string", "format": "date" }
                }
              },
              "ObjectionAnswer": {
                "type": "object",
                "required": ["purposes"],
                "properties": {
                  "purposes": { "type": "array", "items": { "type": "string" }, "minItems": 1 },
                  "compellingGrounds": { "type": "object", "additionalProperties": { "type": "string" }, "description": "By purpose; the DPO only; never for direct marketing" },
                  "day": { "type": "string", "format": "date" }
                }
              },
              "RectificationExecution": {
                "type": "object",
                "required": ["record"],
                "description": "Either changes, or refuse (with the person's statement, if any)",
                "properties": {
                  "record": { "type": "string", "format": "uuid" },
                  "changes": { "type": "object", "additionalProperties": { "type": ["string", "null"] }, "description": "Corrected values by field; null clears one" },
                  "refuse": { "type": "string", "minLength": 1, "description": "Refuse the correction, with these reasons" },
                  "statement": { "type": "string", "description": "With refuse: the person's statement, attached to the record" },
                  "day": { "type": "string", "format": "date" }
                }
              },
              "WithholdingCreation": {
                "type": "object",
                "required": ["record", "exemption", "reason"],
                "properties": {
                  "record": { "type": "string", "format": "uuid" },
                  "fields": { "type": "array", "items": { "type": "string" }, "description": "The whole record when left out" },
                  "exemption": { "type": "string", "enum": ["other_peoples_data", "serious_harm", "crime_prevention", "legal_privilege", "confidential_references", "child_abuse_information", "court_reports"] },
                  "reason": { "type": "string", "minLength": 1 },
                  "day": { "type": "string", "format": "date" }
                }
              },
              "Withholding": {
                "type": "object",
                "required": ["id", "request", "record", "exemption", "reason", "decidedBy", "decided"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "request": { "type": "string", "format": "uuid" },
                  "record": { "type": "string", "format": "uuid" },
                  "fields": { "type": "array", "items": { "type": "string" } },
                  "exemption": { "type": "string" },
                  "reason": { "type": "string" },
                  "decidedBy": { "type": "string" },
                  "decided": { "type": "string", "format": "date" }
                }
              },
              "SchoolCalendar": {
                "type": "object",
                "required": ["terms", "closures"],
                "properties": {
                  "terms": { "type": "array", "items": { "$ref": "#/components/schemas/TermCreation" } },
                  "closures": { "type": "array", "items": { "type": "string", "format": "date" } }
                }
              },
              "TermCreation": {
                "type": "object",
                "required": ["from", "to"],
                "properties": { "from": { "type": "string", "format": "date" }, "to": { "type": "string", "format": "date" } }
              },
              "ClosureCreation": {
                "type": "object",
                "required": ["day"],
                "properties": { "day": { "type": "string", "format": "date" } }
              },
              "LegalHoldCreation": {
                "type": "object",
                "required": ["reason"],
                "description": "A person (subject), a record type (recordType), or both",
                "properties": {
                  "subject": { "type": "string", "format": "uuid" },
                  "recordType": { "type": "string" },
                  "reason": { "type": "string", "minLength": 1 },
                  "day": { "type": "string", "format": "date" },
                  "until": { "type": "string", "format": "date" }
                }
              },
              "LegalHold": {
                "type": "object",
                "required": ["id", "reason", "placedBy", "placed"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "subject": { "type": "string", "format": "uuid" },
                  "recordType": { "type": "string" },
                  "reason": { "type": "string" },
                  "placedBy": { "type": "string" },
                  "placed": { "type": "string", "format": "date" },
                  "until": { "type": "string", "format": "date" },
                  "released": { "type": "string", "format": "date" },
                  "releasedBy": { "type": "string" }
                }
              },
              "LegalHoldList": {
                "type": "object",
                "required": ["holds"],
                "properties": { "holds": { "type": "array", "items": { "$ref": "#/components/schemas/LegalHold" } } }
              },
              "Task": {
                "type": "object",
                "required": ["id", "kind", "summary", "recipients"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "kind": { "type": "string", "enum": ["notify_recipients"] },
                  "request": { "type": "string", "format": "uuid" },
                  "subject": { "type": "string", "format": "uuid" },
                  "summary": { "type": "string" },
                  "recipients": { "type": "array", "items": { "type": "string" } },
                  "due": { "type": "string", "format": "date" },
                  "done": { "type": "string", "format": "date" },
                  "doneBy": { "type": "string" },
                  "note": { "type": "string" }
                }
              },
              "TaskList": {
                "type": "object",
                "required": ["tasks"],
                "properties": { "tasks": { "type": "array", "items": { "$ref": "#/components/schemas/Task" } } }
              },
              "TaskCompletion": {
                "type": "object",
                "required": ["note"],
                "properties": { "note": { "type": "string", "minLength": 1 }, "day": { "type": "string", "format": "date" } }
              },
              "SchoolCreation": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": { "type": "string", "minLength": 1 },
                  "urn": { "type": "string", "description": "The GIAS URN, 6 digits" },
                  "laCode": { "type": "string", "description": "The local authority code, 3 digits" }
                }
              },
              "SchoolList": {
                "type": "object",
                "required": ["schools"],
                "properties": { "schools": { "type": "array", "items": { "$ref": "#/components/schemas/School" } } }
              },
              "IdentifierSearch": {
                "type": "object",
                "required": ["kind", "value"],
                "properties": {
                  "kind": { "type": "string", "description": "email, phone, upn, uln, or an identifier field's name such as staff_number" },
                  "value": { "type": "string" }
                }
              },
              "SubjectSummary": {
                "type": "object",
                "required": ["id", "kind", "createdAt", "lastActivityAt"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "kind": { "type": "string", "description": "A subject kind of the policy" },
                  "school": { "type": "string", "format": "uuid" },
                  "createdAt": { "type": "string", "format": "date-time" },
                  "lastActivityAt": { "type": "string", "format": "date-time" },
                  "mergedInto": { "type": "string", "format": "uuid" }
                }
              },
              "SubjectList": {
                "type": "object",
                "required": ["subjects"],
                "properties": { "subjects": { "type": "array", "items": { "$ref": "#/components/schemas/SubjectSummary" } } }
              },
              "SubjectDocument": {
                "type": "object",
                "required": ["subject", "identifierKinds", "records", "limits", "statements"],
                "properties": {
                  "subject": { "$ref": "#/components/schemas/SubjectSummary" },
                  "identifierKinds": { "type": "array", "items": { "type": "string" } },
                  "records": { "type": "array", "items": { "$ref": "#/components/schemas/RecordPart" } },
                  "limits": {
                    "type": "array", "description": "Purposes the person's data may not be used for now",
                    "items": {
                      "type": "object", "required": ["purpose", "state", "since"],
                      "properties": {
                        "purpose": { "type": "string" },
                        "state": { "type": "string", "enum": ["restricted", "objected"] },
                        "since": { "type": "string", "format": "date-time" }
                      }
                    }
                  },
                  "statements": {
                    "type": "array", "description": "The person's statements on records shown, from a refused correction",
                    "items": {
                      "type": "object", "required": ["record", "request", "text", "added"],
                      "properties": {
                        "record": { "type": "string", "format": "uuid" },
                        "request": { "type": "string", "format": "uuid" },
                        "text": { "type": "string" },
                        "added": { "type": "string", "format": "date-time" }
                      }
                    }
                  }
                }
              },
              "Source": {
                "type": "object",
                "required": ["kind"],
                "properties": {
                  "kind": { "type": "string", "enum": ["person", "form", "import", "external", "staff"] },
                  "name": { "type": "string", "description": "The form's, file's or organisation's name" }
                }
              },
              "RecordPart": {
                "type": "object",
                "required": ["record", "type", "role", "subject", "source", "createdAt", "updatedAt", "values", "pseudonymised"],
                "properties": {
                  "record": { "type": "string", "format": "uuid" },
                  "type": { "type": "string" },
                  "role": { "type": "string" },
                  "subject": { "type": "string", "format": "uuid" },
                  "source": { "$ref": "#/components/schemas/Source" },
                  "createdAt": { "type": "string", "format": "date-time" },
                  "updatedAt": { "type": "string", "format": "date-time" },
                  "values": { "type": "object", "additionalProperties": { "type": "string" } },
                  "pseudonymised": { "type": "array", "items": { "type": "string" } }
                }
              },
              "RecordDocument": {
                "type": "object",
                "required": ["id", "type", "parts"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "type": { "type": "string" },
                  "parts": { "type": "array", "items": { "$ref": "#/components/schemas/RecordPart" } }
                }
              },
              "RecordCreation": {
                "type": "object",
                "required": ["type", "values"],
                "properties": {
                  "type": { "type": "string", "description": "A record type of the policy" },
                  "values": { "type": "object", "additionalProperties": { "type": "string" } },
                  "source": { "$ref": "#/components/schemas/Source" },
                  "school": { "type": "string", "format": "uuid" }
                }
              },
              "RecordChange": {
                "type": "object",
                "required": ["values"],
                "properties": { "values": { "type": "object", "additionalProperties": { "type": ["string", "null"] } } }
              },
              "RecordWriteResult": {
                "type": "object",
                "required": ["record", "outcome", "subjects", "warnings"],
                "properties": {
                  "record": { "type": "string", "format": "uuid" },
                  "outcome": { "type": "string", "enum": ["created", "updated"] },
                  "subjects": { "type": "object", "additionalProperties": { "type": "string", "format": "uuid" } },
                  "warnings": { "type": "array", "items": { "$ref": "#/components/schemas/Problem" } }
                }
              },
              "ConsentEntry": {
                "type": "object",
                "required": ["id", "subject", "purpose", "action", "policyVersion", "source", "recordedBy", "recordedAt"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "subject": { "type": "string", "format": "uuid" },
                  "purpose": { "type": "string" },
                  "channel": { "type": "string", "enum": ["email", "sms", "phone", "post", "fax"], "description": "Absent: every channel of the purpose" },
                  "list": { "type": "string", "description": "Absent: every list of the purpose" },
                  "action": { "type": "string", "enum": ["given", "withdrawn"] },
                  "wording": { "type": "string" },
                  "policyVersion": { "type": "integer" },
                  "source": { "$ref": "#/components/schemas/ConsentSource" },
                  "recordedBy": { "type": "string" },
                  "recordedAt": { "type": "string", "format": "date-time" }
                }
              },
              "ConsentSource": { "type": "string", "enum": ["web_form", "preferences_page", "unsubscribe_link", "email", "phone_call", "paper_form", "in_person", "import"] },
              "ConsentCreation": {
                "type": "object",
                "required": ["action", "purpose", "source"],
                "properties": {
                  "action": { "type": "string", "enum": ["given", "withdrawn"] },
                  "purpose": { "type": "string" },
                  "channel": { "type": "string", "enum": ["email", "sms", "phone", "post", "fax"] },
                  "list": { "type": "string" },
                  "wording": { "type": "string", "description": "The words shown; the policy's wording when absent" },
                  "source": { "$ref": "#/components/schemas/ConsentSource" }
                }
              },
              "ConsentEntryList": {
                "type": "object",
                "required": ["entries"],
                "properties": { "entries": { "type": "array", "items": { "$ref": "#/components/schemas/ConsentEntry" } } }
              },
              "ProcessingState": {
                "type": "object",
                "required": ["state", "reason", "recordedBy", "recordedAt"],
                "properties": {
                  "purpose": { "type": "string", "description": "Absent: every purpose" },
                  "state": { "type": "string", "enum": ["active", "restricted", "objected"] },
                  "reason": { "type": "string" },
                  "recordedBy": { "type": "string" },
                  "recordedAt": { "type": "string", "format": "date-time" }
                }
              },
              "ConsentLedger": {
                "type": "object",
                "required": ["entries", "processing"],
                "properties": {
                  "entries": { "type": "array", "items": { "$ref": "#/components/schemas/ConsentEntry" } },
                  "processing": { "type": "array", "items": { "$ref": "#/components/schemas/ProcessingState" } }
                }
              },
              "OptOut": {
                "type": "object",
                "required": ["source"],
                "properties": { "source": { "$ref": "#/components/schemas/ConsentSource" } }
              },
              "ContactQuestion": {
                "type": "object",
                "required": ["subject", "purpose", "channel"],
                "properties": {
                  "subject": { "type": "string", "format": "uuid" },
                  "purpose": { "type": "string" },
                  "channel": { "type": "string", "enum": ["email", "sms", "phone", "post", "fax"] },
                  "list": { "type": "string", "description": "Required when the purpose has lists" }
                }
              },
              "ContactDecision": {
                "type": "object",
                "required": ["allowed", "reason", "explanation"],
                "properties": {
                  "allowed": { "type": "boolean" },
                  "reason": { "type": "string", "enum": ["consent_given", "soft_opt_in", "legitimate_interests", "administrative", "gone", "suppressed", "restricted", "objected", "consent_withdrawn", "no_consent", "no_lawful_basis", "tps_registered", "tps_not_screened"] },
                  "explanation": { "type": "string" },
                  "consentEntry": { "type": "string", "format": "uuid" }
                }
              },
              "SuppressionCreation": {
                "type": "object",
                "required": ["kind", "value"],
                "properties": {
                  "kind": { "type": "string", "enum": ["email", "phone"] },
                  "value": { "type": "string" },
                  "scope": { "type": "string", "enum": ["all", "marketing"], "default": "all" },
                  "reason": { "type": "string", "enum": ["manual", "opt_out", "objection", "erasure"], "default": "manual" }
                }
              },
              "SuppressionCheck": {
                "type": "object",
                "required": ["kind", "value"],
                "properties": { "kind": { "type": "string", "enum": ["email", "phone"] }, "value": { "type": "string" } }
              },
              "SuppressionState": {
                "type": "object",
                "required": ["suppressed"],
                "properties": { "suppressed": { "type": "boolean" }, "scope": { "type": "string", "enum": ["all", "marketing"] } }
              },
              "Audience": {
                "type": "object",
                "required": ["purpose", "channel", "count", "members", "leftOut", "withoutAddress"],
                "properties": {
                  "purpose": { "type": "string" },
                  "channel": { "type": "string" },
                  "list": { "type": "string" },
                  "count": { "type": "integer" },
                  "members": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["subject", "address", "basis"],
                      "properties": {
                        "subject": { "type": "string", "format": "uuid" },
                        "address": { "type": "string" },
                        "name": { "type": "string" },
                        "basis": { "type": "string" }
                      }
                    }
                  },
                  "leftOut": { "type": "object", "additionalProperties": { "type": "integer" }, "description": "Reason code: how many were left out for it" },
                  "withoutAddress": { "type": "integer" }
                }
              }
            }
          }
        }
        """#
}
