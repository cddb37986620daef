CREATE INDEX "blocks_by_leader" ON "blocks" USING btree ("leader","chain_network_id");--> statement-breakpoint
CREATE INDEX "blocks_by_author" ON "blocks" USING gin ("authors");--> statement-breakpoint
CREATE INDEX "votes_by_voter" ON "votes" USING btree ("voter","height");