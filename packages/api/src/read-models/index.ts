export {
  buildProposalView,
  type ChoiceName,
  choiceName,
  listProposalSummaries,
  type ProposalSummary,
  type ProposalView,
} from './proposal';
