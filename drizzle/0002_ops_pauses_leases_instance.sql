CREATE TABLE "index_pauses" (
	"chain_network_id" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"height" integer NOT NULL,
	"detail" text NOT NULL,
	"node" text NOT NULL,
	"paused_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instance" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "writer_leases" (
	"chain_network_id" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"acquired_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "index_pauses" ADD CONSTRAINT "index_pauses_chain_network_id_chain_networks_id_fk" FOREIGN KEY ("chain_network_id") REFERENCES "public"."chain_networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "writer_leases" ADD CONSTRAINT "writer_leases_chain_network_id_chain_networks_id_fk" FOREIGN KEY ("chain_network_id") REFERENCES "public"."chain_networks"("id") ON DELETE no action ON UPDATE no action;