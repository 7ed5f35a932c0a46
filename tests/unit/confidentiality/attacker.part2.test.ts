import { attackerProperty } from './attackerProperty';

attackerProperty(2);
