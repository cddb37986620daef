/** The served source of `credits.alpha`: the governance part of the forks' credits program. */
export const CREDITS_ALPHA_SOURCE = `program credits.alpha;

struct committee_state:
    is_open as boolean;
    commission as u8;

struct bond_state:
    validator as address;
    microcredits as u64;

struct NetworkUpgradeProposal:
    proposal_id as field;
    source_network as u16;
    target_network as u16;
    activation_height as u32;
    alpha_expected_hash as field;
    alpha_params_hash as field;
    delta_expected_hash as field;
    delta_params_hash as field;
    delta_min_alpha_blocks as u32;
    min_governor_validators as u32;
    min_public_validators as u32;
    governor_yes_votes as u32;
    governor_no_votes as u32;
    public_yes_votes as u32;
    public_no_votes as u32;
    proposer as address;
    created_at_height as u32;
    voting_ends_height as u32;

struct network_upgrade_vote:
    proposal_id as field;
    voter as address;
    choice as u8;
    is_governor as boolean;
    voted_at_height as u32;

mapping committee:
    key as address.public;
    value as committee_state.public;

mapping bonded:
    key as address.public;
    value as bond_state.public;

mapping account:
    key as address.public;
    value as u64.public;

mapping governors:
    key as address.public;
    value as boolean.public;

mapping network_upgrade_proposals:
    key as field.public;
    value as NetworkUpgradeProposal.public;

mapping upgrade_votes:
    key as field.public;
    value as network_upgrade_vote.public;

function transfer_public:
    input r0 as address.public;
    input r1 as u64.public;
    async transfer_public self.caller r0 r1 into r2;
    output r2 as credits.alpha/transfer_public.future;

finalize transfer_public:
    input r0 as address.public;
    input r1 as address.public;
    input r2 as u64.public;
    get account[r0] into r3;
    sub r3 r2 into r4;
    set r4 into account[r0];
    get.or_use account[r1] 0u64 into r5;
    add r5 r2 into r6;
    set r6 into account[r1];

function submit_network_upgrade:
    input r0 as field.public;
    input r1 as u16.public;
    input r2 as u16.public;
    input r3 as u32.public;
    input r4 as field.public;
    input r5 as field.public;
    input r6 as field.public;
    input r7 as field.public;
    input r8 as u32.public;
    input r9 as u32.public;
    input r10 as u32.public;
    input r11 as u32.public;
    async submit_network_upgrade self.caller r0 r1 r2 r3 r4 r5 r6 r7 r8 r9 r10 r11 into r12;
    output r12 as credits.alpha/submit_network_upgrade.future;

finalize submit_network_upgrade:
    input r0 as address.public;
    input r1 as field.public;
    input r2 as u16.public;
    input r3 as u16.public;
    input r4 as u32.public;
    input r5 as field.public;
    input r6 as field.public;
    input r7 as field.public;
    input r8 as field.public;
    input r9 as u32.public;
    input r10 as u32.public;
    input r11 as u32.public;
    input r12 as u32.public;
    get.or_use governors[r0] false into r13;
    assert.eq r13 true;
    contains network_upgrade_proposals[r1] into r14;
    assert.eq r14 false;
    assert.eq r2 network.id;
    assert.lt r3 r2;
    assert.lt block.height r12;
    assert.lt r12 r4;
    cast r1 r2 r3 r4 r5 r6 r7 r8 r9 r10 r11 0u32 0u32 0u32 0u32 r0 block.height r12 into r15 as NetworkUpgradeProposal;
    set r15 into network_upgrade_proposals[r1];

function vote_network_upgrade:
    input r0 as field.public;
    input r1 as u8.public;
    async vote_network_upgrade self.caller r0 r1 into r2;
    output r2 as credits.alpha/vote_network_upgrade.future;

finalize vote_network_upgrade:
    input r0 as address.public;
    input r1 as field.public;
    input r2 as u8.public;
    get network_upgrade_proposals[r1] into r3;
    assert.lte block.height r3.voting_ends_height;
    assert.gte r2 1u8;
    assert.lte r2 3u8;
    get.or_use governors[r0] false into r4;
    contains committee[r0] into r5;
    or r4 r5 into r6;
    assert.eq r6 true;
    hash.bhp256 r0 into r7 as field;
    hash.bhp256 r1 into r8 as field;
    add r7 r8 into r9;
    hash.bhp256 r9 into r10 as field;
    cast r1 r0 r2 r4 block.height into r11 as network_upgrade_vote;
    set r11 into upgrade_votes[r10];

function fee_public:
    input r0 as u64.public;
    input r1 as u64.public;
    input r2 as field.public;
    add r0 r1 into r3;
    async fee_public self.caller r3 into r4;
    output r4 as credits.alpha/fee_public.future;

finalize fee_public:
    input r0 as address.public;
    input r1 as u64.public;
    get account[r0] into r2;
    sub r2 r1 into r3;
    set r3 into account[r0];
`;
