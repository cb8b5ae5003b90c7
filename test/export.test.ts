import { expect } from '@open-wc/testing';
import {
  csvCell,
  escapeMarkdown,
  exportFileName,
  toCsv,
  toJson,
  toMarkdown,
} from '../src/elements/checkin-thread/export.js';
import { DEFAULT_QUESTIONS, type Activity, type Checkin, type Contract, type HistoryItem } from '../src/model.js';

const DANA = { id: 'u-dana', name: 'Dana Whitfield', timeZone: 'America/New_York' };
const KOFI = { id: 'u-kofi', name: 'Kofi Mensah', timeZone: 'Europe/Berlin' };

const contract: Contract = {
  id: 'c-1',
  title: 'Site *rebuild*',
  kind: 'hourly',
  startsAt: '2026-01-05T14:00:00.000Z',
  endsAt: null,
  milestoneCount: null,
  client: DANA,
  talent: KOFI,
};

const checkins: Checkin[] = [
  {
    id: 'a',
    contractId: 'c-1',
    kind: 'requested',
    dueAt: '2026-11-27T15:00:00.000Z',
    status: 'answered',
    requestedBy: DANA,
    message: 'Status?',
    answers: [
      { questionId: 'done', text: 'Built the [login](javascript:alert(1)) page' },
      { questionId: 'next', text: 'Tests' },
      { questionId: 'blockers', text: 'None' },
    ],
    health: 'on-track',
    answeredAt: '2026-11-27T16:30:00.000Z',
    editedAt: null,
    skipNote: null,
    acknowledgedAt: '2026-11-27T18:00:00.000Z',
    replies: [{ id: 'r1', author: DANA, text: 'Thanks, "great"', createdAt: '2026-11-27T19:00:00.000Z' }],
  },
  {
    id: 'b',
    contractId: 'c-1',
    kind: 'scheduled',
    dueAt: '2026-11-20T15:00:00.000Z',
    status: 'skipped',
    requestedBy: DANA,
    answers: null,
    health: null,
    answeredAt: null,
    editedAt: null,
    skipNote: '=HYPERLINK("http://evil")',
    acknowledgedAt: null,
    replies: [],
  },
];

const options = { timeZone: 'America/New_York', locale: 'en-US' };

describe('export', () => {
  describe('toMarkdown', () => {
    it('writes the whole history, newest first, in the viewer’s zone', () => {
      expect(toMarkdown(contract, DEFAULT_QUESTIONS, checkins, options)).to.equal(
        [
          '# Check-ins: Site \\*rebuild\\*',
          '',
          '- Client: Dana Whitfield',
          '- Talent: Kofi Mensah',
          '- Check-ins: 2',
          '- Times are in: America/New\\_York',
          '',
          '## Update requested by Dana Whitfield, due Friday, November 27, 2026 at 10:00 AM Eastern Time',
          '',
          '- Status: Answered',
          '- Due (UTC): 2026-11-27T15:00:00.000Z',
          '- Requested by: Dana Whitfield',
          '- Message: Status?',
          '- Health: On track',
          '- Answered: Nov 27, 2026, 11:30 AM',
          '- Seen by Dana Whitfield: Nov 27, 2026, 1:00 PM',
          '',
          '**What did you work on this week?**',
          '',
          '> Built the \\[login\\](javascript:alert(1)) page',
          '',
          '**What will you work on next week?**',
          '',
          '> Tests',
          '',
          '**What might delay your planned work?**',
          '',
          '> None',
          '',
          '### Replies',
          '',
          '- **Dana Whitfield**, Nov 27, 2026, 2:00 PM: Thanks, "great"',
          '',
          '## Weekly check-in, due Friday, November 20, 2026 at 10:00 AM Eastern Time',
          '',
          '- Status: Skipped',
          '- Due (UTC): 2026-11-20T15:00:00.000Z',
          '- Requested by: Dana Whitfield',
          '- Skip note: \\=HYPERLINK("http\\://evil")',
          '',
        ].join('\n'),
      );
    });

    it('keeps multi-line and hostile text inside its block', () => {
      const hostile: Checkin = {
        ...checkins[0]!,
        requestedBy: { ...DANA, name: '<img src=x onerror=alert(1)>' },
        answers: [{ questionId: 'done', text: 'one\n# two\n\n- three' }],
        replies: [{ id: 'r', author: KOFI, text: 'first\n## second', createdAt: '2026-11-27T19:00:00.000Z' }],
      };
      const md = toMarkdown(contract, DEFAULT_QUESTIONS, [hostile], options);
      expect(md).to.contain('## Update requested by \\<img src=x onerror=alert(1)\\>, due');
      expect(md).to.contain('> one\n> \\# two\n>\n> \\- three');
      expect(md).to.contain(': first\n  \\#\\# second');
      expect(md).not.to.match(/^#+ [^\\]*<img/m);
    });

    it('labels answers to removed questions', () => {
      const old: Checkin = { ...checkins[0]!, answers: [{ questionId: 'gone', text: 'x' }] };
      expect(toMarkdown(contract, DEFAULT_QUESTIONS, [old], options)).to.contain(
        '**Answer to an earlier question**\n\n> x',
      );
    });
  });

  describe('escapeMarkdown', () => {
    const cases: Array<[string, string]> = [
      ['plain words', 'plain words'],
      ['# Heading', '\\# Heading'],
      ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
      ['[x](http://e.example)', '\\[x\\](http\\://e.example)'],
      ['see https://e.example or www.e.example', 'see https\\://e.example or www\\.e.example'],
      ['mail me@e.example', 'mail me\\@e.example'],
      ['![img](x)', '\\!\\[img\\](x)'],
      ['**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_'],
      ['`code`', '\\`code\\`'],
      ['a | b', 'a \\| b'],
      ['back\\slash', 'back\\\\slash'],
      ['&lt;b&gt;', '\\&lt;b\\&gt;'],
      ['~~strike~~', '\\~\\~strike\\~\\~'],
      ['- item', '\\- item'],
      ['  + item', '  \\+ item'],
      ['1. one', '1\\. one'],
      ['12) twelve', '12\\) twelve'],
      ['---', '\\---'],
      ['===', '\\==='],
      ['line\r\n# two', 'line\n\\# two'],
      ['a - b = c', 'a - b = c'],
    ];
    for (const [input, output] of cases) {
      it(`escapes ${JSON.stringify(input)}`, () => {
        expect(escapeMarkdown(input)).to.equal(output);
      });
    }
  });

  describe('toCsv', () => {
    it('writes one RFC 4180 row per check-in with every column', () => {
      expect(toCsv(contract, DEFAULT_QUESTIONS, checkins, options)).to.equal(
        [
          'Due (UTC),Due (local),Kind,Status,Requested by,Message,What did you work on this week?,What will you work on next week?,What might delay your planned work?,Health,Skip note,Answered at (UTC),Edited at (UTC),Acknowledged at (UTC),Replies,Closed,Change,Changed by',
          '2026-11-27T15:00:00.000Z,"Friday, November 27, 2026 at 10:00 AM Eastern Time",Update requested by Dana Whitfield,Answered,Dana Whitfield,Status?,Built the [login](javascript:alert(1)) page,Tests,None,On track,,2026-11-27T16:30:00.000Z,,2026-11-27T18:00:00.000Z,"Dana Whitfield (2026-11-27T19:00:00.000Z): Thanks, ""great""",,,',
          '2026-11-20T15:00:00.000Z,"Friday, November 20, 2026 at 10:00 AM Eastern Time",Weekly check-in,Skipped,Dana Whitfield,,,,,,"\'=HYPERLINK(""http://evil"")",,,,,,,',
          '',
        ].join('\r\n'),
      );
    });

    it('adds a column for answers to removed questions and joins replies by line', () => {
      const old: Checkin = {
        ...checkins[0]!,
        answers: [{ questionId: 'gone', text: 'x' }],
        replies: [
          { id: 'r1', author: DANA, text: 'one', createdAt: '2026-11-27T19:00:00.000Z' },
          { id: 'r2', author: KOFI, text: 'two', createdAt: '2026-11-27T20:00:00.000Z' },
        ],
      };
      const [header, row] = toCsv(contract, DEFAULT_QUESTIONS, [old], options).split('\r\n');
      expect(header).to.contain(',Answer to an earlier question (gone),Health,');
      expect(row).to.contain(',,,,x,On track,');
      expect(row).to.match(
        /,"Dana Whitfield \(2026-11-27T19:00:00\.000Z\): one\nKofi Mensah \(2026-11-27T20:00:00\.000Z\): two",,,$/,
      );
    });
  });

  describe('csvCell', () => {
    const cases: Array<[string, string]> = [
      ['plain', 'plain'],
      ['', ''],
      ['a,b', '"a,b"'],
      ['say "hi"', '"say ""hi"""'],
      ['two\nlines', '"two\nlines"'],
      ['cr\rhere', '"cr\rhere"'],
      ['=1+1', "'=1+1"],
      ['+49 30 123', "'+49 30 123"],
      ['-2', "'-2"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tTab', "'\tTab"],
      ['\rCR', '"\'\rCR"'],
      ['=a,"b"', '"\'=a,""b"""'],
      ['a=b', 'a=b'],
    ];
    for (const [input, output] of cases) {
      it(`writes ${JSON.stringify(input)} as ${JSON.stringify(output)}`, () => {
        expect(csvCell(input)).to.equal(output);
      });
    }
  });

  describe('the paper trail: changes to the settings and closed check-ins', () => {
    const off: Activity = {
      id: 'a2',
      contractId: 'c-1',
      kind: 'activity',
      at: '2026-12-02T14:00:00.000Z',
      actor: DANA,
      change: { type: 'disabled' },
    };
    const moved: Activity = {
      id: 'a1',
      contractId: 'c-1',
      kind: 'activity',
      at: '2026-11-30T14:00:00.000Z',
      actor: DANA,
      change: {
        type: 'schedule',
        from: { weekday: 5, time: '16:00', timeZone: 'Europe/Berlin' },
        to: { weekday: 2, time: '09:30', timeZone: 'Europe/Berlin' },
      },
    };
    const closed: Checkin = {
      ...checkins[1]!,
      id: 'c',
      dueAt: '2026-12-01T08:30:00.000Z',
      status: 'closed',
      skipNote: null,
      closedAt: '2026-12-02T14:00:00.000Z',
      closedBy: DANA,
      closedReason: 'turned-off',
    };
    const history: HistoryItem[] = [off, closed, moved, checkins[0]!];

    it('writes changes in Markdown in their actor’s name, never "You", and says why a check-in closed', () => {
      const md = toMarkdown(contract, DEFAULT_QUESTIONS, history, options);
      expect(md).to.contain('- Check-ins: 2\n- Changes to the settings: 2\n');
      expect(md).to.contain(
        '## Change, Dec 2, 2026, 9:00 AM\n\nDana Whitfield turned weekly check-ins off.\n\n- At (UTC): 2026-12-02T14:00:00.000Z',
      );
      expect(md).to.contain(
        'Dana Whitfield changed the check-in day to Tuesdays at 9:30 AM Central European Time (Berlin), your time 3:30 AM. Before: Fridays at 4:00 PM.',
      );
      expect(md).to.contain('- Status: Closed\n');
      expect(md).to.contain('- Closed: Dana Whitfield turned weekly check-ins off on Dec 2, 2026.');
      expect(md).not.to.match(/\bYou\b/);
      // Newest first, as given.
      expect(md.indexOf('turned weekly check-ins off.')).to.be.lessThan(md.indexOf('Status: Closed'));
      expect(md.indexOf('Status: Closed')).to.be.lessThan(md.indexOf('changed the check-in day'));
    });

    it('writes a change as a CSV row with its time, kind, words and actor', () => {
      const [header, first, second] = toCsv(contract, DEFAULT_QUESTIONS, history, options).split('\r\n');
      const columns = header!.split(',').length;
      expect(first).to.equal(
        `2026-12-02T14:00:00.000Z,"Wednesday, December 2, 2026 at 9:00 AM Eastern Time",Change${','.repeat(columns - 4)}Dana Whitfield turned weekly check-ins off.,Dana Whitfield`,
      );
      expect(second).to.contain(',Weekly check-in,Closed,');
      expect(second!.endsWith(',"Closed: Dana Whitfield turned weekly check-ins off on Dec 2, 2026.",,')).to.equal(
        true,
      );
    });

    it('writes the whole history as JSON in the model’s own shapes', () => {
      const parsed = JSON.parse(toJson(contract, DEFAULT_QUESTIONS, history, '2026-12-03T00:00:00.000Z'));
      expect(parsed.exportedAt).to.equal('2026-12-03T00:00:00.000Z');
      expect(parsed.contract.id).to.equal('c-1');
      expect(parsed.questions.map((q: { id: string }) => q.id)).to.deep.equal(['done', 'next', 'blockers']);
      expect(parsed.items).to.deep.equal(history);
    });
  });

  it('names files after the contract and the local date', () => {
    expect(exportFileName('c-atlas', '2026-11-27', 'json')).to.equal('checkins-c-atlas-2026-11-27.json');
    expect(exportFileName('c-atlas', '2026-11-27', 'md')).to.equal('checkins-c-atlas-2026-11-27.md');
    expect(exportFileName('a/b c', '2026-01-02', 'csv')).to.equal('checkins-a_b_c-2026-01-02.csv');
  });
});
