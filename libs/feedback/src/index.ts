export * from './answer-input.js';
export * from './feedback-access.js';
export * from './feedback-answers.service.js';
export * from './feedback-forms.service.js';
export * from './feedback-input.js';
export * from './feedback-results.service.js';
export * from './feedback.module.js';
export * from './feedback.views.js';
