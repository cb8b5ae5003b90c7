// Generated from openapi.json by scripts/openapi.mjs (openapi-typescript): do not edit.
export interface paths {
    "/v1/viewer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in person, with their role in `contract` */
        get: operations["getViewer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{contractId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        /** The contract */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{contractId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        /** The check-in settings; the ETag is the version */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Client: on/off, schedule, questions; talent: consent */
        patch: operations["updateSettings"];
        trace?: never;
    };
    "/v1/contracts/{contractId}/checkins": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        /** Check-ins, newest first */
        get: operations["listCheckins"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{contractId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        /** Check-ins and activity entries together, newest first */
        get: operations["listHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{contractId}/checkins/{checkinId}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
                checkinId: components["parameters"]["checkinId"];
            };
            cookie?: never;
        };
        get?: never;
        /** Talent: answers, or edits until the next check-in opens */
        put: operations["submitAnswers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{contractId}/checkins/{checkinId}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
                checkinId: components["parameters"]["checkinId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Talent: not working this week */
        post: operations["skipCheckin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{contractId}/checkins/{checkinId}/acknowledgement": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
                checkinId: components["parameters"]["checkinId"];
            };
            cookie?: never;
        };
        get?: never;
        /** Client: seen (idempotent by nature: the first stands) */
        put: operations["acknowledge"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{contractId}/checkins/{checkinId}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
                checkinId: components["parameters"]["checkinId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Client or talent: a reply */
        post: operations["reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{contractId}/update-requests": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Client: ask for an update, in the client's name, once per cooldown */
        post: operations["requestUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{contractId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        /**
         * Live events (server-sent events)
         * @description Each event: `id: <seq>` and `data: <CheckinEvent JSON>`; `retry:` first; `: ping` comments as heartbeats. Resume with `Last-Event-ID`; when the server cannot resume it sends `event: reset` (the client loads afresh).
         */
        get: operations["subscribe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Party: {
            id: string;
            name: string;
            /** @description IANA time zone */
            timeZone: string;
        };
        Viewer: {
            id: string;
            /** @enum {unknown} */
            role: "client" | "talent" | "observer";
            name: string;
            timeZone?: string;
            locale?: string;
        };
        Contract: {
            id: string;
            title: string;
            /** @enum {unknown} */
            kind: "hourly" | "fixed";
            /** Format: date-time */
            startsAt: string;
            endsAt: string | null;
            milestoneCount: number | null;
            client: components["schemas"]["Party"];
            talent: components["schemas"]["Party"];
        };
        Question: {
            id: string;
            prompt: string;
            required: boolean;
            maxLength: number;
            quickAnswers: string[];
            purpose?: ("done" | "next" | "blockers") | null;
        };
        Schedule: {
            /**
             * @description ISO weekday, 5 = Friday
             * @enum {integer}
             */
            weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
            time: string;
            timeZone: string;
            skipDates: string[];
            pausedUntil: string | null;
        };
        Policy: {
            minContractDays: number;
            minFixedMilestones: number;
            /** @enum {unknown} */
            consent: "notify" | "required";
            requestUpdateCooldownHours: number;
        };
        Settings: {
            contractId: string;
            enabled: boolean;
            /** @enum {unknown} */
            consent: "not-needed" | "pending" | "given" | "declined" | "withdrawn";
            eligibility: {
                eligible: boolean;
                reason: string | null;
            };
            schedule: components["schemas"]["Schedule"];
            questions: components["schemas"]["Question"][];
            version: number;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: components["schemas"]["Party"] | null;
            enabledAt?: string | null;
            enabledBy?: components["schemas"]["Party"] | null;
            disabledAt?: string | null;
            disabledBy?: components["schemas"]["Party"] | null;
            consentAt?: string | null;
            policy?: components["schemas"]["Policy"];
        };
        SettingsChange: {
            enabled?: boolean;
            schedule?: components["schemas"]["Schedule"];
            questions?: components["schemas"]["Question"][];
            /** @enum {unknown} */
            consent?: "given" | "declined" | "withdrawn";
        };
        Answer: {
            questionId: string;
            text: string;
        };
        Reply: {
            id: string;
            author: components["schemas"]["Party"];
            text: string;
            /** Format: date-time */
            createdAt: string;
        };
        Checkin: {
            id: string;
            contractId: string;
            /** @enum {unknown} */
            kind: "scheduled" | "requested";
            /** Format: date-time */
            dueAt: string;
            /** @enum {unknown} */
            status: "open" | "answered" | "late" | "missed" | "skipped" | "closed";
            requestedBy: components["schemas"]["Party"];
            message?: string | null;
            answers: components["schemas"]["Answer"][] | null;
            health: ("on-track" | "at-risk" | "off-track") | null;
            answeredAt: string | null;
            editedAt: string | null;
            skipNote: string | null;
            acknowledgedAt: string | null;
            replies: components["schemas"]["Reply"][];
            lateAt?: string | null;
            closesAt?: string | null;
            closedAt?: string | null;
            closedBy?: components["schemas"]["Party"] | null;
            closedReason?: ("turned-off" | "declined" | "withdrawn") | null;
        };
        Activity: {
            id: string;
            contractId: string;
            /** @constant */
            kind: "activity";
            /** Format: date-time */
            at: string;
            actor: components["schemas"]["Party"];
            /** @description One of: {type:"enabled"|"disabled"}, {type:"schedule", from, to}, {type:"pause", pausedUntil}, {type:"skip-dates", added, removed}, {type:"questions", prompts, previous}, {type:"consent", consent}. */
            change: {
                /** @enum {unknown} */
                type: "enabled" | "disabled" | "schedule" | "pause" | "skip-dates" | "questions" | "consent";
            };
        };
        CheckinPage: {
            items: components["schemas"]["Checkin"][];
            nextCursor: string | null;
            total: number | null;
        };
        HistoryPage: {
            items: (components["schemas"]["Checkin"] | components["schemas"]["Activity"])[];
            nextCursor: string | null;
            total: number | null;
        };
        AnswersInput: {
            answers: components["schemas"]["Answer"][];
            health?: ("on-track" | "at-risk" | "off-track") | null;
        };
        SkipInput: {
            note: string;
        };
        ReplyInput: {
            text: string;
        };
        UpdateRequestInput: {
            message?: string;
        };
        Problem: {
            type?: string;
            title: string;
            status: number;
            /** @description The human message, shown to people. */
            detail?: string;
            /** @enum {unknown} */
            code: "forbidden" | "not-found" | "conflict" | "invalid" | "rate-limited" | "network" | "timeout" | "unavailable";
            retryAt?: string | null;
        };
    };
    responses: never;
    parameters: {
        contractId: string;
        checkinId: string;
        /** @description Opaque; from the previous page */
        cursor: string;
        /** @description Capped at 100 */
        limit: number;
        /** @description A repeat replays the first response for 24 hours; another request with the same key is 422. */
        IdempotencyKey: string;
        /** @description The settings version the change was made against, as its ETag (`"3"`). */
        IfMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description The settings version, quoted */
        ETag: string;
        /** @description Seconds, or an HTTP date */
        RetryAfter: string;
        /** @description The newest event id when the read began: a stream opened to keep this data current resumes from it (Last-Event-ID). */
        EventSeq: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getViewer: {
        parameters: {
            query?: {
                contract?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The viewer */
            200: {
                headers: {
                    "Event-Seq": components["headers"]["EventSeq"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Viewer"];
                };
            };
            /** @description Not signed in (code `forbidden`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for a moment (code `unavailable`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract */
            200: {
                headers: {
                    "Event-Seq": components["headers"]["EventSeq"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            /** @description Not signed in (code `forbidden`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed (code `forbidden`), also for a person who is not a party to the contract. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown contract or check-in (code `not-found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for a moment (code `unavailable`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Event-Seq": components["headers"]["EventSeq"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            /** @description Not signed in (code `forbidden`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed (code `forbidden`), also for a person who is not a party to the contract. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown contract or check-in (code `not-found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for a moment (code `unavailable`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSettings: {
        parameters: {
            query?: never;
            header: {
                /** @description The settings version the change was made against, as its ETag (`"3"`). */
                "If-Match": components["parameters"]["IfMatch"];
                /** @description A repeat replays the first response for 24 hours; another request with the same key is 422. */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettingsChange"];
            };
        };
        responses: {
            /** @description The settings after the change */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            /** @description Invalid input (code `invalid`): a bad field, cursor or limit, or a missing Idempotency-Key. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in (code `forbidden`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed (code `forbidden`), also for a person who is not a party to the contract. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown contract or check-in (code `not-found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule refuses it now (code `conflict`), or the same Idempotency-Key is still in flight. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names an older settings version (code `conflict`). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over 64 KiB (code `invalid`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (code `invalid`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (code `invalid`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is missing (code `invalid`). */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for a moment (code `unavailable`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCheckins: {
        parameters: {
            query?: {
                /** @description Opaque; from the previous page */
                cursor?: components["parameters"]["cursor"];
                /** @description Capped at 100 */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page */
            200: {
                headers: {
                    "Event-Seq": components["headers"]["EventSeq"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckinPage"];
                };
            };
            /** @description Invalid input (code `invalid`): a bad field, cursor or limit, or a missing Idempotency-Key. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in (code `forbidden`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed (code `forbidden`), also for a person who is not a party to the contract. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown contract or check-in (code `not-found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for a moment (code `unavailable`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHistory: {
        parameters: {
            query?: {
                /** @description Opaque; from the previous page */
                cursor?: components["parameters"]["cursor"];
                /** @description Capped at 100 */
                limit?: components["parameters"]["limit"];
            };
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page */
            200: {
                headers: {
                    "Event-Seq": components["headers"]["EventSeq"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryPage"];
                };
            };
            /** @description Invalid input (code `invalid`): a bad field, cursor or limit, or a missing Idempotency-Key. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in (code `forbidden`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed (code `forbidden`), also for a person who is not a party to the contract. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown contract or check-in (code `not-found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for a moment (code `unavailable`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitAnswers: {
        parameters: {
            query?: never;
            header: {
                /** @description A repeat replays the first response for 24 hours; another request with the same key is 422. */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                contractId: components["parameters"]["contractId"];
                checkinId: components["parameters"]["checkinId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswersInput"];
            };
        };
        responses: {
            /** @description The check-in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checkin"];
                };
            };
            /** @description Invalid input (code `invalid`): a bad field, cursor or limit, or a missing Idempotency-Key. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in (code `forbidden`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed (code `forbidden`), also for a person who is not a party to the contract. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown contract or check-in (code `not-found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule refuses it now (code `conflict`), or the same Idempotency-Key is still in flight. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over 64 KiB (code `invalid`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (code `invalid`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (code `invalid`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for a moment (code `unavailable`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    skipCheckin: {
        parameters: {
            query?: never;
            header: {
                /** @description A repeat replays the first response for 24 hours; another request with the same key is 422. */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                contractId: components["parameters"]["contractId"];
                checkinId: components["parameters"]["checkinId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SkipInput"];
            };
        };
        responses: {
            /** @description The check-in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checkin"];
                };
            };
            /** @description Invalid input (code `invalid`): a bad field, cursor or limit, or a missing Idempotency-Key. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in (code `forbidden`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed (code `forbidden`), also for a person who is not a party to the contract. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown contract or check-in (code `not-found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule refuses it now (code `conflict`), or the same Idempotency-Key is still in flight. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over 64 KiB (code `invalid`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (code `invalid`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (code `invalid`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for a moment (code `unavailable`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: components["parameters"]["contractId"];
                checkinId: components["parameters"]["checkinId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The check-in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checkin"];
                };
            };
            /** @description Not signed in (code `forbidden`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed (code `forbidden`), also for a person who is not a party to the contract. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown contract or check-in (code `not-found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule refuses it now (code `conflict`), or the same Idempotency-Key is still in flight. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for a moment (code `unavailable`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reply: {
        parameters: {
            query?: never;
            header: {
                /** @description A repeat replays the first response for 24 hours; another request with the same key is 422. */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                contractId: components["parameters"]["contractId"];
                checkinId: components["parameters"]["checkinId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplyInput"];
            };
        };
        responses: {
            /** @description The reply */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reply"];
                };
            };
            /** @description Invalid input (code `invalid`): a bad field, cursor or limit, or a missing Idempotency-Key. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in (code `forbidden`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed (code `forbidden`), also for a person who is not a party to the contract. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown contract or check-in (code `not-found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule refuses it now (code `conflict`), or the same Idempotency-Key is still in flight. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over 64 KiB (code `invalid`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (code `invalid`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (code `invalid`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for a moment (code `unavailable`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestUpdate: {
        parameters: {
            query?: never;
            header: {
                /** @description A repeat replays the first response for 24 hours; another request with the same key is 422. */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRequestInput"];
            };
        };
        responses: {
            /** @description The requested check-in */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checkin"];
                };
            };
            /** @description Invalid input (code `invalid`): a bad field, cursor or limit, or a missing Idempotency-Key. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in (code `forbidden`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed (code `forbidden`), also for a person who is not a party to the contract. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown contract or check-in (code `not-found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A rule refuses it now (code `conflict`), or the same Idempotency-Key is still in flight. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over 64 KiB (code `invalid`). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (code `invalid`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used for a different request (code `invalid`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Inside the cooldown (code `rate-limited`); `Retry-After` says when. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for a moment (code `unavailable`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    subscribe: {
        parameters: {
            query?: never;
            header?: {
                "Last-Event-ID"?: string;
            };
            path: {
                contractId: components["parameters"]["contractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Not signed in (code `forbidden`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed (code `forbidden`), also for a person who is not a party to the contract. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown contract or check-in (code `not-found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for a moment (code `unavailable`). */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
