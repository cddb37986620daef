CREATE TABLE "blocks" (
	"chain_network_id" text NOT NULL,
	"height" integer NOT NULL,
	"hash" text NOT NULL,
	"previous_hash" text NOT NULL,
	"round" bigint NOT NULL,
	"timestamp" bigint NOT NULL,
	"leader" text,
	"authors" text[] NOT NULL,
	"transaction_count" integer NOT NULL,
	CONSTRAINT "blocks_chain_network_id_height_pk" PRIMARY KEY("chain_network_id","height")
);
--> statement-breakpoint
CREATE TABLE "chain_networks" (
	"id" text PRIMARY KEY NOT NULL,
	"chain" text NOT NULL,
	"network_id" smallint NOT NULL,
	"genesis_hash" text NOT NULL,
	"alpha_genesis_hash" text,
	"alpha_network_id" smallint,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkpoints" (
	"chain_network_id" text PRIMARY KEY NOT NULL,
	"height" integer NOT NULL,
	"block_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nodes" (
	"url" text PRIMARY KEY NOT NULL,
	"chain" text NOT NULL,
	"chain_network_id" text,
	"head_height" integer,
	"last_ok_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"chain_network_id" text NOT NULL,
	"proposal_id" text NOT NULL,
	"source_network" smallint NOT NULL,
	"target_network" smallint NOT NULL,
	"activation_height" integer NOT NULL,
	"alpha_expected_hash" text NOT NULL,
	"alpha_params_hash" text NOT NULL,
	"delta_expected_hash" text NOT NULL,
	"delta_params_hash" text NOT NULL,
	"delta_min_alpha_blocks" integer NOT NULL,
	"min_governor_validators" integer NOT NULL,
	"min_public_validators" integer NOT NULL,
	"proposer" text NOT NULL,
	"created_at_height" integer NOT NULL,
	"voting_ends_height" integer NOT NULL,
	"transaction_id" text NOT NULL,
	"onchain_counters" jsonb,
	"onchain_read_height" integer,
	CONSTRAINT "proposals_chain_network_id_proposal_id_pk" PRIMARY KEY("chain_network_id","proposal_id")
);
--> statement-breakpoint
CREATE TABLE "validator_sets" (
	"chain_network_id" text NOT NULL,
	"height" integer NOT NULL,
	"governors" text[] NOT NULL,
	"committee" jsonb NOT NULL,
	CONSTRAINT "validator_sets_chain_network_id_height_pk" PRIMARY KEY("chain_network_id","height")
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"chain_network_id" text NOT NULL,
	"transition_id" text NOT NULL,
	"transaction_id" text NOT NULL,
	"proposal_id" text NOT NULL,
	"voter" text NOT NULL,
	"choice" smallint NOT NULL,
	"accepted" boolean NOT NULL,
	"height" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "votes_chain_network_id_transition_id_pk" PRIMARY KEY("chain_network_id","transition_id")
);
--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_chain_network_id_chain_networks_id_fk" FOREIGN KEY ("chain_network_id") REFERENCES "public"."chain_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_chain_network_id_chain_networks_id_fk" FOREIGN KEY ("chain_network_id") REFERENCES "public"."chain_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_chain_network_id_chain_networks_id_fk" FOREIGN KEY ("chain_network_id") REFERENCES "public"."chain_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_chain_network_id_chain_networks_id_fk" FOREIGN KEY ("chain_network_id") REFERENCES "public"."chain_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validator_sets" ADD CONSTRAINT "validator_sets_chain_network_id_chain_networks_id_fk" FOREIGN KEY ("chain_network_id") REFERENCES "public"."chain_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_chain_network_id_chain_networks_id_fk" FOREIGN KEY ("chain_network_id") REFERENCES "public"."chain_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "votes_by_proposal" ON "votes" USING btree ("chain_network_id","proposal_id","height");