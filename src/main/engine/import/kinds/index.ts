import type { CanonicalKind } from '../canonicalFormats';
import {
  contactCentreImporter,
  customerFeedbackImporter,
  hrMetricsImporter,
  recognitionImporter,
  unitMappingImporter,
} from './keyedKinds';
import type { KindImporter } from './kind';
import { orgUnitsImporter } from './orgUnits';
import { peopleImporter } from './people';
import { preaggregatedImporter } from './preaggregated';
import { surveyItemsImporter } from './surveyItems';
import { surveyResponsesImporter } from './surveyResponses';

export const KIND_IMPORTERS: Record<CanonicalKind, KindImporter> = {
  org_units: orgUnitsImporter,
  survey_items: surveyItemsImporter,
  survey_responses: surveyResponsesImporter,
  customer_feedback: customerFeedbackImporter,
  unit_mapping: unitMappingImporter,
  contact_centre: contactCentreImporter,
  recognition: recognitionImporter,
  hr_metrics: hrMetricsImporter,
  preaggregated: preaggregatedImporter,
  people: peopleImporter,
};
