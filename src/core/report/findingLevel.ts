/** How loud a finding is, in SARIF's words (error, warning, note): shared by the verdict and validation rules. */
export type FindingLevel = 'error' | 'warning' | 'note';
