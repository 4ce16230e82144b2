// Examples shown beside the rule editor's fields. Code, not prose: the same in both languages.
export const RULE_EXAMPLES = {
  expression: [
    'item.organisation.foreign && !item.hasContract',
    'onList(item.sponsor, "jp-meti-end-user-list", 0.9) || inGroup(item.sponsor, "cn-sastind-seven-sons")',
    'programmes.size() > 0 && grants.total(10) > params.grantsThresholdJpy',
  ],
  message: '「{{item.organisation.name}}」（{{item.organisation.country}}）: {{item.totalJpy|yen}} > {{params.thresholdJpy|yen}}',
  params: '{"thresholdJpy": 5000000}',
} as const;
