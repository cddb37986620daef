import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * A chain-network is one chain on one network from one genesis block. After the split the
 * upgraded side is a new chain-network, so every row below is keyed by it.
 */
export const chainNetworks = pgTable('chain_networks', {
  id: text('id').primaryKey(), // `${chain}:${networkId}:${genesisHash}`
  chain: text('chain').notNull(), // 'alpha' | 'delta'
  networkId: smallint('network_id').notNull(),
  genesisHash: text('genesis_hash').notNull(),
  // Delta's genesis names the Alpha genesis it belongs to (null for Alpha).
  alphaGenesisHash: text('alpha_genesis_hash'),
  alphaNetworkId: smallint('alpha_network_id'),
  firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The indexer's position per chain-network; written in the same transaction as the blocks. */
export const checkpoints = pgTable('checkpoints', {
  chainNetworkId: text('chain_network_id')
    .primaryKey()
    .references(() => chainNetworks.id),
  height: integer('height').notNull(),
  blockHash: text('block_hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A chain-network the indexer stopped following because what a node served cannot be
 * appended to what is stored (a hash that does not link, a height that went down). Blocks
 * are final, so nothing is rewritten by itself: `ratify index rewind` clears the pause.
 */
export const indexPauses = pgTable('index_pauses', {
  chainNetworkId: text('chain_network_id')
    .primaryKey()
    .references(() => chainNetworks.id),
  reason: text('reason').notNull(), // 'discontinuity' | 'height_went_down'
  height: integer('height').notNull(),
  detail: text('detail').notNull(),
  node: text('node').notNull(),
  pausedAt: timestamp('paused_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Which indexer process writes a chain-network. The lease is taken and renewed inside each
 * write transaction (a row lock, so two writers never overlap) and expires if the writer
 * goes away, so a standby takes over within seconds without any long-held connection.
 */
export const writerLeases = pgTable('writer_leases', {
  chainNetworkId: text('chain_network_id')
    .primaryKey()
    .references(() => chainNetworks.id),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acquiredAt: timestamp('acquired_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What this schema holds: an index built by `ratify up` on its devnet (a throwaway that the
 * next `up` may start clean) or by `ratify index` from real nodes (never dropped by Ratify).
 */
export const instance = pgTable('instance', {
  id: boolean('id').primaryKey().default(true),
  origin: text('origin').notNull(), // 'devnet' | 'nodes'
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What the indexer last saw of each node it follows (for operators). */
export const nodes = pgTable('nodes', {
  url: text('url').primaryKey(),
  chain: text('chain').notNull(),
  chainNetworkId: text('chain_network_id').references(() => chainNetworks.id),
  headHeight: integer('head_height'),
  lastOkAt: timestamp('last_ok_at', { withTimezone: true }),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const blocks = pgTable(
  'blocks',
  {
    chainNetworkId: text('chain_network_id')
      .notNull()
      .references(() => chainNetworks.id),
    height: integer('height').notNull(),
    hash: text('hash').notNull(),
    previousHash: text('previous_hash').notNull(),
    round: bigint('round', { mode: 'bigint' }).notNull(),
    timestamp: bigint('timestamp', { mode: 'number' }).notNull(), // unix seconds
    leader: text('leader'),
    authors: text('authors').array().notNull(),
    transactionCount: integer('transaction_count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainNetworkId, t.height] }),
    // A validator's page: the blocks it led, and the certificates it authored.
    index('blocks_by_leader').on(t.leader, t.chainNetworkId),
    index('blocks_by_author').using('gin', t.authors),
  ],
);

/** Field values (ids, hashes) are stored as decimal text: they exceed every SQL integer type. */
export const proposals = pgTable(
  'proposals',
  {
    chainNetworkId: text('chain_network_id')
      .notNull()
      .references(() => chainNetworks.id),
    proposalId: text('proposal_id').notNull(),
    sourceNetwork: smallint('source_network').notNull(),
    targetNetwork: smallint('target_network').notNull(),
    activationHeight: integer('activation_height').notNull(),
    alphaExpectedHash: text('alpha_expected_hash').notNull(),
    alphaParamsHash: text('alpha_params_hash').notNull(),
    deltaExpectedHash: text('delta_expected_hash').notNull(),
    deltaParamsHash: text('delta_params_hash').notNull(),
    deltaMinAlphaBlocks: integer('delta_min_alpha_blocks').notNull(),
    minGovernorValidators: integer('min_governor_validators').notNull(),
    minPublicValidators: integer('min_public_validators').notNull(),
    proposer: text('proposer').notNull(),
    createdAtHeight: integer('created_at_height').notNull(),
    votingEndsHeight: integer('voting_ends_height').notNull(),
    transactionId: text('transaction_id').notNull(),
    // The program's own counters, read from the mapping route, for the audit.
    onchainCounters: jsonb('onchain_counters').$type<OnchainCounters>(),
    onchainReadHeight: integer('onchain_read_height'),
  },
  (t) => [
    primaryKey({ columns: [t.chainNetworkId, t.proposalId] }),
    // The public URL names a proposal by its id alone.
    index('proposals_by_id').on(t.proposalId),
  ],
);

export type OnchainCounters = {
  governorYesVotes: number;
  governorNoVotes: number;
  publicYesVotes: number;
  publicNoVotes: number;
};

/** Every vote transition, accepted or rejected; the tally takes the latest accepted per voter. */
export const votes = pgTable(
  'votes',
  {
    chainNetworkId: text('chain_network_id')
      .notNull()
      .references(() => chainNetworks.id),
    transitionId: text('transition_id').notNull(),
    transactionId: text('transaction_id').notNull(),
    proposalId: text('proposal_id').notNull(),
    voter: text('voter').notNull(),
    choice: smallint('choice').notNull(),
    accepted: boolean('accepted').notNull(),
    height: integer('height').notNull(),
    position: integer('position').notNull(), // transaction index within the block
  },
  (t) => [
    primaryKey({ columns: [t.chainNetworkId, t.transitionId] }),
    index('votes_by_proposal').on(t.chainNetworkId, t.proposalId, t.height),
    // A validator's page: every vote it cast, on every proposal.
    index('votes_by_voter').on(t.voter, t.height),
    // The tally's DISTINCT ON (voter) ... ORDER BY voter, height DESC, position DESC.
    index('votes_latest_by_voter').on(
      t.chainNetworkId,
      t.proposalId,
      t.voter,
      t.height.desc(),
      t.position.desc(),
    ),
  ],
);

/** Governor set and committee as observed at a height; a new row only when they change. */
export const validatorSets = pgTable(
  'validator_sets',
  {
    chainNetworkId: text('chain_network_id')
      .notNull()
      .references(() => chainNetworks.id),
    height: integer('height').notNull(),
    governors: text('governors').array().notNull(),
    committee: jsonb('committee').$type<{ address: string; stake: string }[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainNetworkId, t.height] })],
);

/**
 * Something operators are told about. The key (kind, chain-network, subject) is the primary
 * key, so evaluating the same condition again never records it twice; a condition that no
 * longer holds gets `cleared_at` and leaves the banner.
 */
export const alertEvents = pgTable(
  'alert_events',
  {
    key: text('key').primaryKey(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(), // 'critical' | 'warning' | 'info'
    // No foreign key: alert history outlives a rewound or forgotten chain-network.
    chainNetworkId: text('chain_network_id'),
    height: integer('height'),
    subject: text('subject').notNull(),
    message: text('message').notNull(),
    href: text('href').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
  },
  (t) => [index('alert_events_by_time').on(t.raisedAt)],
);

/**
 * A webhook receiver the delivery worker has known since `first_seen_at`; it is sent events
 * raised from then on, not the whole history. Identified by a hash of its URL, which may
 * carry a token (Slack and Discord put one in the path), so the URL itself is not stored.
 */
export const alertReceivers = pgTable('alert_receivers', {
  id: text('id').primaryKey(),
  label: text('label').notNull(), // the URL's origin, for operators
  firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One event to one receiver: sent at least once, marked delivered once it was. */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    eventKey: text('event_key')
      .notNull()
      .references(() => alertEvents.key),
    receiverId: text('receiver_id')
      .notNull()
      .references(() => alertReceivers.id),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventKey, t.receiverId] }),
    index('alert_deliveries_due').on(t.nextAttemptAt).where(sql`${t.deliveredAt} IS NULL`),
  ],
);
