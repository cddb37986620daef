CREATE TABLE "alert_deliveries" (
	"event_key" text NOT NULL,
	"receiver_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_deliveries_event_key_receiver_id_pk" PRIMARY KEY("event_key","receiver_id")
);
--> statement-breakpoint
CREATE TABLE "alert_events" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"chain_network_id" text,
	"height" integer,
	"subject" text NOT NULL,
	"message" text NOT NULL,
	"href" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "alert_receivers" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_event_key_alert_events_key_fk" FOREIGN KEY ("event_key") REFERENCES "alert_events"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_receiver_id_alert_receivers_id_fk" FOREIGN KEY ("receiver_id") REFERENCES "alert_receivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_deliveries_due" ON "alert_deliveries" USING btree ("next_attempt_at") WHERE "alert_deliveries"."delivered_at" IS NULL;--> statement-breakpoint
CREATE INDEX "alert_events_by_time" ON "alert_events" USING btree ("raised_at");