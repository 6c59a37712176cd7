import { audioVisualProblem, DEFAULT_AUDIO_VISUAL_LIST } from '../src/rules/audio-visual';
import { credentialProblems, describeCredentialProblems } from '../src/rules/credentials';
import { AttachmentKind as K, RecordActivity as A } from '../src/rules/kinds';
import { twoOfficersProblem } from '../src/rules/on-site';

const AG = 'agency-1';

describe('two officers on site (TWO_OFFICERS_REQUIRED, 行政处罚法 §42/§55)', () => {
  test('meets: two distinct officers on an on-site inspection; one officer for a document', () => {
    expect(twoOfficersProblem(A.ON_SITE_INSPECTION, ['a', 'b'])).toBeNull();
    expect(twoOfficersProblem(A.DOCUMENT, ['a'])).toBeNull();
  });
  test('breaks: one officer on site, or the same officer named twice', () => {
    expect(twoOfficersProblem(A.EVIDENCE_COLLECTION, ['a'])).toMatch(/at least 2/);
    expect(twoOfficersProblem(A.ON_SITE_INSPECTION, ['a', 'a'])).toMatch(/1 named/);
  });
});

describe('audio-visual records (AUDIO_VISUAL_REQUIRED)', () => {
  const video = { kind: K.VIDEO, fullProcess: false };
  const photo = { kind: K.PHOTO, fullProcess: false };
  test('the default list is the activities 国办发〔2018〕118号 names for audio-visual recording', () => {
    expect([...DEFAULT_AUDIO_VISUAL_LIST].sort()).toEqual(
      [
        A.ON_SITE_INSPECTION,
        A.RANDOM_INSPECTION,
        A.EVIDENCE_COLLECTION,
        A.EVIDENCE_PRESERVATION,
        A.HEARING,
        A.COERCIVE_MEASURE,
        A.SERVICE_BY_POSTING,
        A.SERVICE_BY_RETENTION,
      ].sort(),
    );
  });
  test('meets: a listed activity with video; an unlisted one without; a liberty-affecting action with full-process audio', () => {
    expect(
      audioVisualProblem(
        { activity: A.ON_SITE_INSPECTION, affectsLibertyOrProperty: false, attachments: [video] },
        DEFAULT_AUDIO_VISUAL_LIST,
      ),
    ).toBeNull();
    expect(
      audioVisualProblem(
        { activity: A.DOCUMENT, affectsLibertyOrProperty: false, attachments: [] },
        DEFAULT_AUDIO_VISUAL_LIST,
      ),
    ).toBeNull();
    expect(
      audioVisualProblem(
        {
          activity: A.COERCIVE_MEASURE,
          affectsLibertyOrProperty: true,
          attachments: [{ kind: K.AUDIO, fullProcess: true }],
        },
        DEFAULT_AUDIO_VISUAL_LIST,
      ),
    ).toBeNull();
  });
  test('breaks: a listed activity with only a photo; a liberty-affecting action with partial video; an agency-configured list', () => {
    expect(
      audioVisualProblem(
        { activity: A.HEARING, affectsLibertyOrProperty: false, attachments: [photo] },
        DEFAULT_AUDIO_VISUAL_LIST,
      ),
    ).toMatch(/audio-visual list/);
    expect(
      audioVisualProblem(
        { activity: A.COERCIVE_MEASURE, affectsLibertyOrProperty: true, attachments: [video] },
        DEFAULT_AUDIO_VISUAL_LIST,
      ),
    ).toMatch(/fullProcess/);
    expect(
      audioVisualProblem({ activity: A.SERVICE, affectsLibertyOrProperty: false, attachments: [] }, [A.SERVICE]),
    ).toMatch(/audio-visual list/);
  });
});

describe('credentials of acting officers (CREDENTIAL_INVALID)', () => {
  const ok = { officerId: 'a', agencyId: AG, officerName: '张三', valid: true, reason: null };
  test('meets: every officer of the agency holds a valid credential', () => {
    expect(credentialProblems(['a'], [ok], AG)).toEqual([]);
  });
  test('breaks: expired credential, another agency, unknown officer, officer personnel did not answer for', () => {
    const p = credentialProblems(
      ['a', 'b', 'c', 'd'],
      [
        { ...ok, valid: false, reason: 'ZJ-1 is EXPIRED' },
        { officerId: 'b', agencyId: 'other', officerName: '李四', valid: true, reason: null },
        { officerId: 'c', agencyId: null, officerName: null, valid: false, reason: 'no such officer' },
      ],
      AG,
    );
    expect(p.map((x) => [x.officerId, x.reason])).toEqual([
      ['a', 'ZJ-1 is EXPIRED'],
      ['b', expect.stringMatching(/another agency/)],
      ['c', expect.stringMatching(/no such officer/)],
      ['d', expect.stringMatching(/no such officer/)],
    ]);
    expect(describeCredentialProblems(p)).toMatch(/张三 \(a\): ZJ-1 is EXPIRED; 李四/);
  });
});
