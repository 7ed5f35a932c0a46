import { attackerProperty } from './attackerProperty';

attackerProperty(3);
