import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * OpenAPI shapes of feedback forms. The service validates the bodies itself (nested
 * questions, texts per language) and names the field at fault; these classes document them.
 */

export class FeedbackTexts {
  @ApiPropertyOptional({ example: 'Atelier utile ?' })
  fr?: string;
  @ApiPropertyOptional({ example: 'Was the workshop useful?' })
  en?: string;
  @ApiPropertyOptional({ example: '¿Fue útil el taller?' })
  es?: string;
}

export class FeedbackQuestionInput {
  @ApiProperty({ enum: ['rating', 'choice', 'text'], description: 'rating: 1 to 5' })
  kind!: string;
  @ApiProperty({ type: FeedbackTexts, description: 'The question, 300 characters at most each' })
  texts!: FeedbackTexts;
  @ApiPropertyOptional({
    type: [FeedbackTexts],
    description: 'Choice questions only: 2 to 10 options, each in the event’s languages',
  })
  options?: FeedbackTexts[];
  @ApiPropertyOptional({ default: true })
  required?: boolean;
}

export class CreateFeedbackFormBody {
  @ApiProperty({ type: FeedbackTexts, description: 'The form’s title, 200 characters at most' })
  titles!: FeedbackTexts;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'One of the event’s sessions (a workshop, a site visit); none for the event',
  })
  sessionId?: string | null;
  @ApiPropertyOptional({
    default: false,
    description:
      'Answers without names: nothing an organiser reads links an answer to who gave it. Fixed once answers exist',
  })
  anonymous?: boolean;
  @ApiPropertyOptional({
    type: String,
    example: '2027-10-28T12:00',
    description:
      'When answers open (local time or with an offset). Default: the session’s end, or the event’s last day',
  })
  opensAt?: string;
  @ApiPropertyOptional({
    type: String,
    example: '2027-11-15T23:59',
    description: 'When answers close. Default: 14 days after it opens',
  })
  closesAt?: string;
  @ApiPropertyOptional({ type: [FeedbackQuestionInput], description: '20 at most' })
  questions?: FeedbackQuestionInput[];
}

export class UpdateFeedbackFormBody {
  @ApiPropertyOptional({ type: FeedbackTexts })
  titles?: FeedbackTexts;
  @ApiPropertyOptional({ description: '409 when answers exist and this would change it' })
  anonymous?: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2027-10-28T12:00',
    description: 'null goes back to the default (the session’s end, the event’s last day)',
  })
  opensAt?: string | null;
  @ApiPropertyOptional({ type: String, example: '2027-11-15T23:59' })
  closesAt?: string;
  @ApiPropertyOptional({
    type: [FeedbackQuestionInput],
    description: 'Replaces every question; 409 once the form has answers',
  })
  questions?: FeedbackQuestionInput[];
}

export class FeedbackAnswerInput {
  @ApiProperty({ format: 'uuid' })
  questionId!: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5, description: 'Rating questions' })
  rating?: number;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'Choice questions: the index of the option (0 first)',
  })
  choice?: number;
  @ApiPropertyOptional({ maxLength: 2000, description: 'Text questions' })
  text?: string;
}

export class SubmitFeedbackBody {
  @ApiProperty({ type: [FeedbackAnswerInput] })
  answers!: FeedbackAnswerInput[];
}

export class FeedbackOptionResponse {
  @ApiProperty({ type: 'integer' })
  index!: number;
  @ApiProperty({ type: FeedbackTexts })
  texts!: FeedbackTexts;
  @ApiProperty({ description: 'In the reader’s language' })
  text!: string;
}

export class FeedbackQuestionResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: ['rating', 'choice', 'text'] })
  kind!: string;
  @ApiProperty({ type: FeedbackTexts })
  texts!: FeedbackTexts;
  @ApiProperty({ description: 'In the reader’s language, else the event’s languages in order' })
  text!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['fr', 'en', 'es'] })
  textLanguage!: string | null;
  @ApiProperty({ type: [FeedbackOptionResponse] })
  options!: FeedbackOptionResponse[];
  @ApiProperty()
  required!: boolean;
}

export class FeedbackFormResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sessionId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  sessionTitle!: string | null;
  @ApiProperty({ type: FeedbackTexts })
  titles!: FeedbackTexts;
  @ApiProperty()
  title!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['fr', 'en', 'es'] })
  titleLanguage!: string | null;
  @ApiProperty()
  anonymous!: boolean;
  @ApiProperty({ example: '2027-10-28T12:00:00+00:00' })
  opensAt!: string;
  @ApiProperty({ description: 'Whether opensAt is the default (session’s end, event’s last day)' })
  opensAtDefault!: boolean;
  @ApiProperty({ example: '2027-11-11T12:00:00+00:00' })
  closesAt!: string;
  @ApiProperty({ enum: ['scheduled', 'open', 'closed'] })
  status!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Organisers only' })
  responseCount!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Participants only: answered yet' })
  answered!: boolean | null;
  @ApiProperty({ type: [FeedbackQuestionResponse] })
  questions!: FeedbackQuestionResponse[];
}

export class FeedbackRespondentResponse {
  @ApiProperty({ format: 'uuid' })
  accountId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  email!: string;
  @ApiProperty({ type: String, nullable: true })
  organisation!: string | null;
}

export class FeedbackCountResponse {
  @ApiProperty({ type: 'integer', description: 'The rating, or the option’s index' })
  value!: number;
  @ApiProperty()
  label!: string;
  @ApiProperty({ type: 'integer' })
  count!: number;
}

export class FeedbackTextAnswerResponse {
  @ApiProperty()
  text!: string;
  @ApiProperty({
    type: FeedbackRespondentResponse,
    nullable: true,
    description: 'Always null on anonymous forms',
  })
  respondent!: FeedbackRespondentResponse | null;
}

export class FeedbackQuestionResultResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: ['rating', 'choice', 'text'] })
  kind!: string;
  @ApiProperty()
  text!: string;
  @ApiProperty({ type: 'integer' })
  answered!: number;
  @ApiProperty({ type: Number, nullable: true, example: 4.2 })
  average!: number | null;
  @ApiProperty({ type: [FeedbackCountResponse] })
  counts!: FeedbackCountResponse[];
  @ApiProperty({
    type: [FeedbackTextAnswerResponse],
    description: 'Shuffled on every reading of an anonymous form',
  })
  texts!: FeedbackTextAnswerResponse[];
}

const WITHHELD =
  'True on an anonymous form with fewer than 3 answers: too few to show without ' +
  'identifying anyone, so only how many answered';

export class FeedbackResultsResponse {
  @ApiProperty({ type: FeedbackFormResponse })
  form!: FeedbackFormResponse;
  @ApiProperty({ type: 'integer' })
  responseCount!: number;
  @ApiProperty({
    description: `${WITHHELD} (each question's \`answered\`; no counts, average or texts)`,
  })
  withheld!: boolean;
  @ApiProperty({ type: [FeedbackQuestionResultResponse] })
  questions!: FeedbackQuestionResultResponse[];
}

export class FeedbackAnswerResponse {
  @ApiProperty({ format: 'uuid' })
  questionId!: string;
  @ApiProperty({ type: 'integer', nullable: true })
  rating!: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  choice!: number | null;
  @ApiProperty({ type: String, nullable: true })
  text!: string | null;
}

export class FeedbackResponseItem {
  @ApiProperty({
    type: FeedbackRespondentResponse,
    nullable: true,
    description: 'Null on anonymous forms',
  })
  respondent!: FeedbackRespondentResponse | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null on anonymous forms' })
  submittedAt!: string | null;
  @ApiProperty({ type: [FeedbackAnswerResponse] })
  answers!: FeedbackAnswerResponse[];
}

export class FeedbackResponsesResponse {
  @ApiProperty({ type: FeedbackFormResponse })
  form!: FeedbackFormResponse;
  @ApiProperty({ description: `${WITHHELD} (the form's responseCount; responses empty)` })
  withheld!: boolean;
  @ApiProperty({ type: [FeedbackResponseItem] })
  responses!: FeedbackResponseItem[];
}

export class FeedbackReceiptResponse {
  @ApiProperty({ format: 'uuid' })
  formId!: string;
  @ApiProperty({ description: 'Whether the answer was kept without the author’s name' })
  anonymous!: boolean;
}
