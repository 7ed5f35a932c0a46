import { attackerProperty } from './attackerProperty';

attackerProperty(1);
