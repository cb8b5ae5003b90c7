/**
 * The transactional outbox: notification rows written in the transaction of their cause (a
 * prompt opened, an update requested, an answer, a skip), then handed to the host's `notify`
 * hook after commit. A delivery that fails is retried by the next run.
 */
import type { Checkin, Contract, Party } from '../../src/model.js';
import type { Database, Queryable } from './db.js';
import type { Call, Outcome } from './service.js';
import { json, type Saved } from './storage.js';

/** What the outbox hands the host's `notify` hook after commit. */
export interface CheckinNotification {
  id: number;
  kind: 'prompt-opened' | 'update-requested' | 'answered' | 'skipped';
  contractId: string;
  checkinId: string;
  recipient: Party;
  /** In whose name it is sent: the client for prompts and requests, the talent for answers. */
  actor: Party;
  payload: Record<string, unknown>;
  createdAt: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row as the driver returns it
type Row = Record<string, any>;

const iso = (ms: number) => new Date(ms).toISOString();

interface Note {
  kind: CheckinNotification['kind'];
  checkinId: string;
  recipient: Party;
  actor: Party;
  payload: Record<string, unknown>;
}

/** The outbox rows of one transaction: prompts opened, requests, answers and skips. */
export function notificationsOf(contract: Contract, saved: Saved, call: Call | null, outcome: Outcome | null): Note[] {
  const { client, talent } = contract;
  const notes: Note[] = saved.created
    .filter((c) => c.kind === 'scheduled')
    .map((c) => ({
      kind: 'prompt-opened',
      checkinId: c.id,
      recipient: talent,
      actor: client,
      payload: { dueAt: c.dueAt },
    }));
  const checkin = outcome?.body as Checkin | undefined;
  if (!call || !checkin) return notes;
  if (call.method === 'requestUpdate') {
    notes.push({
      kind: 'update-requested',
      checkinId: checkin.id,
      recipient: talent,
      actor: client,
      payload: { dueAt: checkin.dueAt, message: checkin.message ?? null },
    });
  } else if (call.method === 'submitAnswers') {
    notes.push({
      kind: 'answered',
      checkinId: checkin.id,
      recipient: client,
      actor: talent,
      payload: { dueAt: checkin.dueAt, edited: checkin.editedAt !== null, health: checkin.health },
    });
  } else if (call.method === 'skipCheckin') {
    notes.push({
      kind: 'skipped',
      checkinId: checkin.id,
      recipient: client,
      actor: talent,
      payload: { dueAt: checkin.dueAt, note: checkin.skipNote },
    });
  }
  return notes;
}

export async function insertNotes(tx: Queryable, contractId: string, notes: Note[], at: string): Promise<void> {
  for (const note of notes) {
    await tx.query(
      `INSERT INTO notifications (contract_id, kind, checkin_id, recipient_id, actor, payload, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::timestamptz)`,
      [contractId, note.kind, note.checkinId, note.recipient.id, json(note.actor), json(note.payload), at],
    );
  }
}

/** Hands undelivered notifications to `notify`; a failed delivery is retried later. */
export async function deliver(
  db: Database,
  clock: () => number,
  notify: (notification: CheckinNotification) => unknown,
): Promise<number> {
  const rows = await db.query<Row>(
    `UPDATE notifications SET delivered_at = $1::timestamptz
      WHERE id IN (SELECT id FROM notifications WHERE delivered_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED)
      RETURNING id::float8 AS id, contract_id, kind, checkin_id, recipient_id, actor, payload, created_at::text AS created_at`,
    [iso(clock())],
  );
  rows.sort((a, b) => a.id - b.id);
  let delivered = 0;
  for (const row of rows) {
    try {
      const recipient = await partyOf(db, row.contract_id, row.recipient_id);
      await notify({
        id: row.id,
        kind: row.kind,
        contractId: row.contract_id,
        checkinId: row.checkin_id,
        recipient,
        actor: row.actor,
        payload: row.payload,
        createdAt: new Date(row.created_at).toISOString(),
      });
      delivered++;
    } catch (error) {
      console.error('checkin-server: a notification could not be delivered; it will be retried:', error);
      await db.query('UPDATE notifications SET delivered_at = NULL WHERE id = $1', [row.id]).catch(() => {});
    }
  }
  return delivered;
}

async function partyOf(db: Database, contractId: string, userId: string): Promise<Party> {
  const [row] = await db.query<{ doc: Contract }>('SELECT doc FROM contracts WHERE id = $1', [contractId]);
  const contract = row?.doc;
  if (contract?.client.id === userId) return contract.client;
  if (contract?.talent.id === userId) return contract.talent;
  return { id: userId, name: userId, timeZone: 'UTC' };
}
